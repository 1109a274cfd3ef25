import { transition } from "./transition.ts";
import { withTx } from "./with-tx.ts";

/** Marks a run failed after its job exhausted its retries, so it never sits silently stuck. */
export async function failRun(runId: string, reason: string): Promise<void> {
  await withTx(async (tx) => {
    const run = await tx.run.findUnique({ where: { id: runId }, select: { id: true, status: true, seq: true, currentNodeId: true } });
    if (!run || (run.status !== "running" && run.status !== "waiting")) return;
    await tx.$executeRaw`
      UPDATE "Wait" SET status = 'cancelled', "completedBy" = 'cancel', "completedAt" = now()
      WHERE "runId" = ${runId} AND status = 'pending'`;
    await transition(tx, run, [{ nodeId: run.currentNodeId, type: "failed", detail: reason }], {
      status: "failed", currentNodeId: run.currentNodeId, failureReason: reason,
    });
  });
}
