import type { WaitCompletion } from "../generated/prisma/enums.ts";
import type { Tx } from "../sql.ts";
import type { HistoryEntry } from "./transition.ts";

export type Completion = {
  by: WaitCompletion;
  /** The handle the run leaves on (replied, noResponse, ...); null when the run stops (cancel). */
  outcome: string | null;
  /** Event time from the database clock, read under the contact's lock; now when omitted. */
  at?: Date;
  /** The signed-in user who acted (operators); null for the engine's own completions. */
  actorId?: string | null;
  /** The inbound message that completed a reply wait. */
  messageId?: string | null;
  /** Extra words for the history row (e.g. that the sweeper did it). */
  note?: string;
};

export type CompletedWait = { id: string; runId: string; runSeq: number; nodeId: string };

/**
 * The one way a wait ends, whoever ends it: a guarded update on `status = 'pending'`, so of a
 * reply, a timeout, an operator and a cancel racing for one wait exactly one wins and the others
 * change nothing. The rules of each kind live here: a reply counts only strictly before the
 * deadline and only for reply waits, a timeout only at or after it; both also need the run still
 * waiting at the wait's step, so an inconsistent run is left alone instead of half-moved. A
 * cancel ends the wait whatever the run's state, because the run is being stopped.
 */
export async function completeWaits(tx: Tx, waitIds: string[], completion: Completion): Promise<CompletedWait[]> {
  if (waitIds.length === 0) return [];
  const { by, outcome, at = null, actorId = null, messageId = null } = completion;
  return tx.sql<CompletedWait>`
    UPDATE "Wait" w SET
      status = (CASE WHEN ${by} = 'cancel' THEN 'cancelled' ELSE 'completed' END)::"WaitStatus",
      "completedBy" = ${by}::"WaitCompletion", outcome = ${outcome},
      "completedAt" = COALESCE(${at}::timestamptz, clock_timestamp()),
      "completedByUserId" = ${actorId}, "messageId" = COALESCE(${messageId}, w."messageId")
    FROM "Run" r
    -- By primary key (status::text stays off the pending-only indexes, as in waiting-runs.ts).
    WHERE w.id = ANY(${waitIds}::text[]) AND w.status::text = 'pending' AND r.id = w."runId"
      AND (${by} = 'cancel' OR (r.status = 'waiting' AND r.seq = w."runSeq"))
      AND (${by} <> 'reply' OR (w.kind = 'reply' AND w."timeoutAt" > ${at}::timestamptz))
      AND (${by} <> 'timeout' OR w."timeoutAt" <= COALESCE(${at}::timestamptz, clock_timestamp()))
    RETURNING w.id, w."runId", w."runSeq", w."nodeId"`;
}

/** The history row of a completion: the wait's node, the handle taken, who did it. */
export function completionEntry(wait: CompletedWait, completion: Completion): HistoryEntry {
  const detail = `Completed by ${completion.by}${completion.note ? ` (${completion.note})` : ""}`;
  return { nodeId: wait.nodeId, type: "customerResponse", detail, by: completion.by, actorId: completion.actorId ?? null, ...(completion.outcome ? { outcome: completion.outcome } : {}) };
}
