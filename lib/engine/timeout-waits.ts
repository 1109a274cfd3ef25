import { observeWaitLateness } from "../metrics/record.ts";
import type { Tx } from "../sql.ts";
import { completeWaits } from "./complete-wait.ts";
import { eventTime, lockContacts } from "./contact-state.ts";
import { inIsolatedBatches } from "./isolate.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { applyTransitions } from "./transition.ts";
import { pendingWaits, resumeNow, timeoutOutcome, type Resumption } from "./waiting-runs.ts";

export type TimeoutResult = {
  /** Waits that could not be handled (retry them). */
  failed: Map<string, unknown>;
  /** Waits still pending before their deadline (a timer that fired early: retry at the deadline). */
  notDue: Set<string>;
};

/**
 * Body of the timer jobs: each wait still pending at its deadline ends (a Customer Response takes
 * noResponse, a delay goes on, a webhook retry calls again: see timeoutOutcome), and its run
 * goes on at once, in the same transaction, until it waits or ends (a reminder is one
 * transaction, not three). Many waits per transaction; waits a reply or a cancel completed
 * first are skipped.
 */
export async function timeoutWaits(waitIds: string[], note?: string): Promise<TimeoutResult> {
  const notDue = new Set<string>();
  const failed = await inIsolatedBatches(waitIds, (tx, ids) => timeoutBatch(tx, ids, notDue, note));
  return { failed, notDue };
}

async function timeoutBatch(tx: Tx, waitIds: string[], notDue: Set<string>, note?: string): Promise<Map<string, unknown>> {
  const { waits, errors } = await pendingWaits(tx, { waitIds });
  if (waits.length === 0) return errors;
  // Race with a reply: both take the contact's lock, read the clock under it, and complete the
  // wait with `status = pending`. Exactly one matches, and the clock puts the winner first: a
  // reply stamped before the deadline, or the timeout.
  const contacts = await lockContacts(tx, [...new Set(waits.map((w) => w.contactId))], await outboundChannel(), waits.map((w) => w.graph));
  const outcomes = new Map(waits.map((w) => [w.id, timeoutOutcome[w.kind]]));
  const completion: Resumption = { by: "timeout", outcome: "noResponse", outcomes, at: await eventTime(tx), note };
  const completed = await completeWaits(tx, waits.map((w) => w.id), completion);
  for (const wait of completed) observeWaitLateness((completion.at!.getTime() - wait.timeoutAt.getTime()) / 1000);
  await applyTransitions(tx, resumeNow(completed, waits, completion, contacts));
  const done = new Set(completed.map((w) => w.id));
  const others = waits.filter((w) => !done.has(w.id)).map((w) => w.id);
  if (others.length > 0) {
    const early = await tx.sql<{ id: string }>`
      SELECT id FROM "Wait" WHERE id = ANY(${others}::text[]) AND status = 'pending' AND "timeoutAt" > ${completion.at}::timestamptz`;
    for (const { id } of early) notDue.add(id);
  }
  return errors;
}
