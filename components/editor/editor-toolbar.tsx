"use client";

import { ArrowLeft, Check, LineChart, Loader2, Rocket } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { publishDraft, saveDraft } from "./draft-actions";
import { useEditor, useEditorStoreApi } from "./editor-store-context";
import { selectDirty } from "./editor-store";
import { RunForContact } from "./run-for-contact";
import { StatsToggle } from "./stats/stats-toggle";
import { TestButton } from "./simulator/test-button";

export function EditorToolbar() {
  const store = useEditorStoreApi();
  const name = useEditor((s) => s.name);
  const setName = useEditor((s) => s.setName);
  const dirty = useEditor(selectDirty);
  const saving = useEditor((s) => s.saving);
  const publishing = useEditor((s) => s.publishing);
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const automationId = useEditor((s) => s.automationId);

  return (
    <div className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
      <Link
        href="/automations"
        aria-label="All automations"
        className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" />
      </Link>
      <input
        aria-label="Automation title"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={120}
        className="h-9 w-72 min-w-0 rounded-md border border-transparent px-2 text-base font-semibold text-slate-900 hover:border-slate-200 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
      />
      {publishedVersion === null ? (
        <Badge>Draft</Badge>
      ) : (
        <Badge tone="success">Published version {publishedVersion}</Badge>
      )}
      <SaveStatus saving={saving} dirty={dirty} />
      <div className="ml-auto flex items-center gap-2">
        <StatsToggle />
        <Link
          href={`/automations/${encodeURIComponent(automationId)}/reports`}
          className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        >
          <LineChart aria-hidden className="size-4" />
          Reports
        </Link>
        <TestButton />
        <RunForContact />
        <Button onClick={() => void saveDraft(store)} disabled={saving}>
          Save
        </Button>
        <Button variant="primary" onClick={() => void publishDraft(store)} disabled={publishing}>
          {publishing ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Rocket aria-hidden className="size-4" />}
          Publish
        </Button>
      </div>
    </div>
  );
}

function SaveStatus({ saving, dirty }: { saving: boolean; dirty: boolean }) {
  return (
    <span role="status" className="flex items-center gap-1 text-xs text-slate-500">
      {saving ? (
        <>
          <Loader2 aria-hidden className="size-3.5 animate-spin" /> Saving…
        </>
      ) : dirty ? (
        <span className="text-amber-700">Unsaved changes</span>
      ) : (
        <>
          <Check aria-hidden className="size-3.5 text-brand-600" /> All changes saved
        </>
      )}
    </span>
  );
}
