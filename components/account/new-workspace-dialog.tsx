"use client";

import { LoaderCircle } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { issueFor, RequestError, requestJson } from "./request-json";
import { switchWorkspace } from "./switch-workspace";

const createdSchema = z.object({ id: z.string(), name: z.string() });

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/** "New workspace…": a name, then the new workspace (you are its admin) becomes the current one. */
export function NewWorkspaceDialog({ open, onOpenChange }: Props) {
  const pathname = usePathname();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const workspace = await requestJson("/api/workspaces", createdSchema, { method: "POST", body: { name: name.trim() } });
      await switchWorkspace(workspace.id, pathname.startsWith("/settings") ? "/settings" : "/automations");
    } catch (failure) {
      setError((failure instanceof RequestError && issueFor(failure.issues, "name")) || errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        onOpenChange(next);
        if (!next) {
          setName("");
          setError(undefined);
        }
      }}
      title="New workspace"
      description="A workspace of its own: automations, contacts, settings and members. You are its admin."
    >
      <form onSubmit={(event) => void create(event)} className="space-y-4">
        <Field id="workspace-name" label="Workspace name" error={error}>
          <Input
            id="workspace-name"
            required
            maxLength={80}
            autoFocus
            value={name}
            disabled={busy}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("workspace-name", { error })}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button size="sm" disabled={busy} onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" size="sm" variant="primary" disabled={busy || name.trim() === ""} aria-busy={busy || undefined}>
            {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
