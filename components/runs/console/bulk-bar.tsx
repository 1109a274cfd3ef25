"use client";

import { Ban, FastForward, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { errorMessage } from "../fetch-json";
import type { BulkAction } from "./console-schemas";
import { runBulk, type BulkProgress, type BulkTarget } from "./run-bulk";

/** How long the finished progress bar stays before the selection clears. */
const FINISHED_MS = 4000;

const number = (n: number) => n.toLocaleString("en-US");
const runs = (n: number) => `${number(n)} ${n === 1 ? "run" : "runs"}`;

const words: Record<BulkAction, { button: string; question: (n: number) => string; effect: string; busy: string; done: (n: number) => string }> = {
  cancel: {
    button: "Cancel",
    question: (n) => `Cancel ${runs(n)}?`,
    effect: "They stop now for good: no more messages, and a reply or timeout arriving later is ignored.",
    busy: "Cancelling",
    done: (n) => `${runs(n)} cancelled`,
  },
  skipWait: {
    button: "Skip wait",
    question: (n) => `Skip the wait of ${runs(n)}?`,
    effect: "Each leaves its wait now on the path silence would take (No response, the delay's end, the webhook's next call).",
    busy: "Skipping waits",
    done: (n) => `${n === 1 ? "1 wait" : `${number(n)} waits`} skipped`,
  },
};

type Props = {
  /** Selected runs the action can reach now, per action (cancel: running or waiting; skip: waiting). */
  reachable: Record<BulkAction, number>;
  /** What to act on, made at the moment of confirmation (so "all matching" pins its time). */
  target: () => BulkTarget;
  onClear: () => void;
  onDone: () => void;
};

/** Cancel / Skip wait for the selection, each behind a confirmation with the count, then progress and a toast. */
export function BulkBar({ reachable, target, onClear, onDone }: Props) {
  const [progress, setProgress] = useState<{ action: BulkAction; expected: number; done: BulkProgress; finished?: boolean } | null>(null);

  function start(action: BulkAction) {
    const expected = reachable[action];
    setProgress({ action, expected, done: { processed: 0, affected: 0 } });
    runBulk(action, target(), (done) => setProgress({ action, expected, done }))
      .then((done) => {
        const movedOn = Math.max(0, expected - done.affected);
        toast.success(words[action].done(done.affected) + (movedOn > 0 ? ` (${number(movedOn)} had already moved on)` : ""));
        // The full bar stays a moment, so a quick bulk is seen to have finished.
        setProgress({ action, expected, done, finished: true });
        setTimeout(() => {
          setProgress(null);
          onClear();
        }, FINISHED_MS);
      })
      .catch((error: unknown) => {
        toast.error(`${words[action].busy} stopped`, { description: errorMessage(error) });
        setProgress(null);
      })
      .finally(onDone);
    // The dialog closes at once: the progress bar below shows the rest.
    return Promise.resolve(true);
  }

  if (progress) {
    const { processed } = progress.done;
    const max = Math.max(progress.expected, processed, 1);
    return (
      <div className="flex flex-1 items-center gap-3">
        <span className="text-sm text-slate-700 tabular-nums" aria-live="polite">
          {progress.finished ? "Done" : `${words[progress.action].busy}…`} {number(processed)} / {number(progress.expected)}
        </span>
        <div role="progressbar" aria-label="Bulk progress" aria-valuemin={0} aria-valuemax={max} aria-valuenow={processed} className="h-2 max-w-md flex-1 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.min(100, (processed / max) * 100)}%` }} />
        </div>
      </div>
    );
  }

  return (
    <div className="flex items-center gap-2">
      {(["skipWait", "cancel"] as const).map((action) => (
        <ConfirmButton
          key={action}
          disabled={reachable[action] === 0}
          title={words[action].question(reachable[action])}
          description={words[action].effect}
          confirmText={words[action].question(reachable[action]).replace(/\?$/, "")}
          cancelText="Keep them"
          onConfirm={() => start(action)}
        >
          {action === "cancel" ? <Ban aria-hidden className="size-3.5" /> : <FastForward aria-hidden className="size-3.5" />}
          {words[action].button}
        </ConfirmButton>
      ))}
      <Button variant="ghost" size="sm" onClick={onClear}>
        <X aria-hidden className="size-3.5" />
        Clear selection
      </Button>
    </div>
  );
}
