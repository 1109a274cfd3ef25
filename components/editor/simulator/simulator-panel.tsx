"use client";

import { FastForward, RotateCcw, X } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { Countdown } from "@/components/runs/countdown";
import { errorMessage, postJson } from "@/components/runs/fetch-json";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { useServerNow } from "@/components/runs/use-server-now";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useEditor, useEditorStoreApi } from "../editor-store-context";
import { ChatBubbles } from "./chat-bubbles";
import { PathHighlight } from "./path-highlight";
import { useSimulator, type TestRun } from "./simulator-context";
import { startTest } from "./start-test";
import { useTestRun } from "./use-test-run";

const anything = z.unknown();

/** The simulator: a WhatsApp-like chat with the test run, its wait and a Skip, over the canvas. */
export function SimulatorPanel() {
  const { run } = useSimulator();
  return run ? <Panel key={run.runId} test={run} /> : null;
}

function Panel({ test }: { test: TestRun }) {
  const { close, show } = useSimulator();
  const store = useEditorStoreApi();
  // A test is sandboxed but a Webhook step's call is real: the tester should know before it goes.
  const callsWebhooks = useEditor((s) => s.nodes.some((node) => node.type === "webhook"));
  const { data, error } = useTestRun(test);
  const now = useServerNow(data?.skewMs ?? 0);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState("");
  const bottom = useRef<HTMLDivElement>(null);
  const run = data?.run;
  const base = `/api/automations/${encodeURIComponent(run?.automationId ?? "")}/test/${encodeURIComponent(test.runId)}`;
  const waitingForReply = run?.status === "waiting" && run.wait?.kind === "reply";

  // Braces: newer Chromium returns a promise from scrollIntoView, and React would call it as a cleanup.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [data?.messages.length]);

  const act = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (failure) {
      toast.error(`Could not ${what}`, { description: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };
  const reply = (body: { text?: string; buttonId?: string }) => act("send the reply", () => postJson(`${base}/reply`, body, anything));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void reply({ text: text.trim() }).then(() => setText(""));
  };

  return (
    <section aria-label="Simulator" className="absolute top-3 right-3 bottom-3 z-20 flex w-96 flex-col overflow-hidden rounded-xl bg-white shadow-lg ring-1 ring-slate-200">
      {run ? <PathHighlight steps={run.steps} currentNodeId={run.status === "completed" ? null : (run.currentNodeId ?? null)} /> : null}
      <header className="flex items-center gap-2 bg-[#075e54] px-3 py-2 text-white">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold">Test contact</h2>
          <p className="text-xs text-emerald-100">Draft under test · sandbox, nothing is published</p>
        </div>
        <button type="button" aria-label="Test again" title="Test again from the start" disabled={busy} onClick={() => void act("restart the test", async () => { const next = await startTest(store); if (next) show(next); })} className="rounded p-1 hover:bg-white/15">
          <RotateCcw aria-hidden className="size-4" />
        </button>
        <button type="button" aria-label="Close the simulator" onClick={close} className="rounded p-1 hover:bg-white/15">
          <X aria-hidden className="size-4" />
        </button>
      </header>
      {callsWebhooks ? (
        <p role="note" className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-800">
          Webhook steps call their URL for real in a test.
        </p>
      ) : null}
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-xs">
        {run ? <RunStatusBadge status={run.status} /> : <span className="text-slate-500">Starting…</span>}
        {run?.status === "waiting" && run.wait ? (
          <>
            <span data-testid="sim-countdown"><Countdown timeoutAt={run.wait.timeoutAt} now={now} kind={run.wait.kind} /></span>
            <Button size="sm" className="ml-auto" disabled={busy} onClick={() => void act("skip the wait", () => postJson(`${base}/skip`, {}, anything))}>
              <FastForward aria-hidden className="size-3.5" />
              Skip
            </Button>
          </>
        ) : null}
        {run?.status === "failed" ? <span className="text-red-600">{run.failureReason}</span> : null}
        {error ? <span className="text-red-600">{error}</span> : null}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto bg-[#efeae2] p-3">
        {data && data.messages.length === 0 ? <p className="text-center text-xs text-slate-500">No messages yet.</p> : null}
        {data ? <ChatBubbles messages={data.messages} canTap={waitingForReply && !busy} onTap={(button) => void reply({ buttonId: button.id })} /> : null}
        <div ref={bottom} />
      </div>
      <form onSubmit={onSubmit} className="flex gap-2 border-t border-slate-200 bg-slate-50 p-2">
        <Input aria-label="Reply as the test contact" placeholder={waitingForReply ? "Type a reply…" : "Replies count while a Customer Response waits"} value={text} onChange={(e) => setText(e.target.value)} maxLength={4096} />
        <Button type="submit" variant="primary" disabled={busy || !text.trim() || !run || run.status === "completed" || run.status === "cancelled" || run.status === "failed"}>
          Send
        </Button>
      </form>
    </section>
  );
}
