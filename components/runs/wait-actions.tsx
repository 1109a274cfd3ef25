"use client";

import { FastForward, MessageCircleReply } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ApiError, errorMessage, postJson } from "./fetch-json";
import type { RunWithSteps } from "./run-schemas";

const resultSchema = z.object({ status: z.string() });
type Outcome = "replied" | "noResponse";

/**
 * The operator's moves on a waiting run: skip the wait (the path silence would take) or, at a
 * Customer Response, treat it as replied. A run that moved on meanwhile answers 409, shown as info.
 */
export function WaitActions({ run, onDone }: { run: RunWithSteps; onDone: () => void }) {
  const [busy, setBusy] = useState<Outcome | null>(null);
  const wait = run.status === "waiting" ? run.wait : null;
  if (!wait) return null;

  async function complete(outcome: Outcome) {
    setBusy(outcome);
    try {
      const { status } = await postJson(`/api/runs/${encodeURIComponent(run.id)}/complete-wait`, { outcome }, resultSchema);
      toast.success(outcome === "replied" ? "Treated as replied" : "Wait skipped", { description: `The run is ${status} now.` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) toast.info("The run had already moved on", { description: error.message });
      else toast.error("Couldn't move the run on", { description: errorMessage(error) });
    } finally {
      setBusy(null);
      onDone();
    }
  }

  const skipLabel = wait.kind === "reply" ? "Skip the wait" : wait.kind === "delay" ? "Skip the delay" : "Call now";
  return (
    <>
      <Button size="sm" disabled={busy !== null} onClick={() => complete("noResponse")} title="Go on now, as if the time were up">
        <FastForward aria-hidden className="size-3.5" />
        {skipLabel}
      </Button>
      {wait.kind === "reply" && (
        <Button size="sm" disabled={busy !== null} onClick={() => complete("replied")} title="Go on along the replied path">
          <MessageCircleReply aria-hidden className="size-3.5" />
          Treat as replied
        </Button>
      )}
    </>
  );
}
