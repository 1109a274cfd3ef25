import { boss, QUEUES } from "../queue.ts";
import { eventTime, lockContact } from "./messages.ts";
import { resumeRun, type CompletedWait } from "./resume-run.ts";
import { withTx } from "./with-tx.ts";

export type TimeoutResult = "timedOut" | "notDue" | "alreadyDone";

/** Body of the wait-timeout job: the run takes noResponse unless a reply or a cancel won first. */
export async function timeoutWait(waitId: string): Promise<TimeoutResult> {
  return withTx(async (tx) => {
    const [wait] = await tx.sql<{ status: string; contactId: string }>`SELECT status, "contactId" FROM "Wait" WHERE id = ${waitId}`;
    if (wait?.status !== "pending") return "alreadyDone"; // replied or cancelled first: nothing to do
    // Race with a reply: both take the contact's lock, read the clock under it, and complete the
    // wait with `status = pending` in the WHERE clause. Exactly one update matches, and the
    // winner is the one the clock puts first: a reply stamped before the deadline, or the timeout.
    await lockContact(tx, wait.contactId);
    const at = await eventTime(tx);
    const [completed] = await tx.sql<CompletedWait>`
      UPDATE "Wait" SET status = 'completed', "completedBy" = 'timeout', outcome = 'noResponse', "completedAt" = ${at}
      WHERE id = ${waitId} AND status = 'pending' AND "timeoutAt" <= ${at}
      RETURNING id, "runId", "runSeq", "nodeId"`;
    if (completed) {
      await resumeRun(tx, completed, "noResponse", "timeout");
      return "timedOut";
    }
    const [pending] = await tx.sql<{ timeoutAt: Date }>`SELECT "timeoutAt" FROM "Wait" WHERE id = ${waitId} AND status = 'pending'`;
    if (!pending) return "alreadyDone";
    // Fired early (pg-boss rounds start_after): try again at the deadline.
    await (await boss()).send(QUEUES.waitTimeout, { waitId }, { db: tx.boss, startAfter: pending.timeoutAt });
    return "notDue";
  });
}
