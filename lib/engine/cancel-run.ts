import { scopedWorkspaceId } from "../auth/scope.ts";
import { AppError, notFound } from "../errors.ts";
import type { Tx } from "../sql.ts";
import { completeWaits } from "./complete-wait.ts";
import { applyTransitions, type RunRef } from "./transition.ts";
import { withTx } from "./with-tx.ts";

type StoppableRun = RunRef & { currentNodeId: string | null };

/**
 * Stops a run for good: its pending wait is cancelled in the same transaction, so a reply or a
 * timeout arriving later finds nothing to complete, and a queued step job finds it not running.
 */
export async function cancelRun(runId: string, reason = "Cancelled by an operator"): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    // In a request, only a run of the caller's workspace (another's is "not found").
    const run = await withTx((tx) => loadRun(tx, runId, scopedWorkspaceId()));
    if (!run) throw notFound("Run");
    if (run.status === "cancelled") return;
    if (run.status !== "running" && run.status !== "waiting") throw new AppError("conflict", `Run already ${run.status}`);
    // Lost a race with a step, a reply or a timeout: look again.
    if (await tryStop(run, "cancelled", reason)) return;
  }
  throw new AppError("conflict", "The run kept changing; try again");
}

export async function loadRun(tx: Tx, runId: string, workspaceId: string | null = null): Promise<StoppableRun | undefined> {
  const [run] = await tx.sql<StoppableRun>`
    SELECT id, status, seq, "currentNodeId" FROM "Run" WHERE id = ${runId} AND (${workspaceId}::text IS NULL OR "workspaceId" = ${workspaceId}::text)`;
  return run;
}

/**
 * Ends a running or waiting run as cancelled or failed, in one transaction. Waits first, then
 * the run: the same lock order as the reply and timeout paths, so they cannot deadlock. False
 * (and nothing written) if the run changed since it was read.
 */
export async function tryStop(run: StoppableRun, status: "cancelled" | "failed", reason: string): Promise<boolean> {
  return withTx((tx) => stopRun(tx, run, status, reason)).catch((error: unknown) => {
    if (error instanceof LostRace) return false;
    throw error;
  });
}

async function stopRun(tx: Tx, run: StoppableRun, status: "cancelled" | "failed", reason: string): Promise<true> {
  if (!(await stopRuns(tx, [run], status, reason)).has(run.id)) throw new LostRace();
  return true;
}

/**
 * Stops runs in the caller's transaction: their pending waits cancelled through the one completion
 * function, then a guarded transition each, with the reason in their history. Returns the runs
 * that won (a run changed since it was read is left as it is).
 */
export async function stopRuns(tx: Tx, runs: StoppableRun[], status: "cancelled" | "failed", reason: string): Promise<Set<string>> {
  if (runs.length === 0) return new Set();
  const pending = await tx.sql<{ id: string }>`SELECT id FROM "Wait" WHERE "runId" = ANY(${runs.map((r) => r.id)}::text[]) AND status = 'pending'`;
  await completeWaits(tx, pending.map((w) => w.id), { by: "cancel", outcome: null });
  return applyTransitions(tx, runs.map((run) => ({
    run: { id: run.id, status: run.status, seq: run.seq },
    history: [{ nodeId: run.currentNodeId, type: status, detail: reason }],
    next: { status, currentNodeId: run.currentNodeId, failureReason: status === "failed" ? reason : undefined },
  })));
}

/** Thrown inside the transaction so that its writes roll back. */
class LostRace extends Error {}
