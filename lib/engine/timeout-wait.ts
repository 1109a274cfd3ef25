import { fromPrisma } from "pg-boss";
import { boss, QUEUES } from "../queue.ts";
import { resumeRun, type CompletedWait } from "./resume-run.ts";
import { withTx } from "./with-tx.ts";

export type TimeoutResult = "timedOut" | "notDue" | "alreadyDone";

/** Body of the wait-timeout job: the run takes noResponse unless a reply or a cancel won first. */
export async function timeoutWait(waitId: string): Promise<TimeoutResult> {
  return withTx(async (tx) => {
    // Race with a reply: both complete the wait with `status = pending` in the WHERE clause, so
    // exactly one update matches; the reply side only matches while timeoutAt > now().
    const [wait] = await tx.$queryRaw<CompletedWait[]>`
      UPDATE "Wait" SET status = 'completed', "completedBy" = 'timeout', outcome = 'noResponse', "completedAt" = now()
      WHERE id = ${waitId} AND status = 'pending' AND "timeoutAt" <= now()
      RETURNING id, "runId", "runSeq", "nodeId"`;
    if (wait) {
      await resumeRun(tx, wait, "noResponse", "timeout");
      return "timedOut";
    }
    const pending = await tx.wait.findFirst({ where: { id: waitId, status: "pending" }, select: { timeoutAt: true } });
    if (!pending) return "alreadyDone"; // replied or cancelled first: nothing to do
    // Fired early (clock skew between pg-boss's start_after and our deadline): try again at the deadline.
    await (await boss()).send(QUEUES.waitTimeout, { waitId }, { db: fromPrisma(tx), startAfter: pending.timeoutAt });
    return "notDue";
  });
}
