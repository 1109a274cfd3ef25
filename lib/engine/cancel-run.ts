import { AppError, notFound } from "../errors.ts";
import { transition } from "./transition.ts";
import { withTx } from "./with-tx.ts";

const finished = new Set(["completed", "failed", "cancelled"]);

/**
 * Stops a run for good: its pending wait is cancelled in the same transaction, so a reply or a
 * timeout arriving later finds nothing to complete, and a queued step job finds it not running.
 */
export async function cancelRun(runId: string, reason = "Cancelled by an operator"): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const done = await withTx(async (tx) => {
      const run = await tx.run.findUnique({ where: { id: runId }, select: { id: true, status: true, seq: true, currentNodeId: true } });
      if (!run) throw notFound("Run");
      if (run.status === "cancelled") return true;
      if (finished.has(run.status)) throw new AppError("conflict", `Run already ${run.status}`);
      // Waits before the run, in the same order as the timeout path, so the two cannot deadlock.
      await tx.$executeRaw`
        UPDATE "Wait" SET status = 'cancelled', "completedBy" = 'cancel', "completedAt" = now()
        WHERE "runId" = ${runId} AND status = 'pending'`;
      const seq = await transition(tx, run, [{ nodeId: run.currentNodeId, type: "cancelled", detail: reason }], {
        status: "cancelled", currentNodeId: run.currentNodeId,
      });
      // Lost a race with a step, a reply or a timeout: roll back and look again.
      if (seq === null) throw new RetryCancel();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof RetryCancel) return false;
      throw error;
    });
    if (done) return;
  }
  throw new AppError("conflict", "The run kept changing; try again");
}

class RetryCancel extends Error {}
