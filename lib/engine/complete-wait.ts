import type { WaitCompletion, WaitKind } from "../generated/prisma/enums.ts";
import type { Tx } from "../sql.ts";
import { replyBucketKey } from "../stats/counter-keys.ts";
import type { HistoryEntry } from "./transition.ts";

export type Completion = {
  by: WaitCompletion;
  /** The handle the run leaves on (replied, noResponse, ...); null when the run stops (cancel). */
  outcome: string | null;
  /** Per wait, where it differs from `outcome` (a reply's route, a delay's `default`). */
  outcomes?: Map<string, string>;
  /** The reply's text, for saveReplyTo. */
  replyText?: string;
  /** Event time from the database clock, read under the contact's lock; now when omitted. */
  at?: Date;
  /** The signed-in user who acted (operators); null for the engine's own completions. */
  actorId?: string | null;
  /** The inbound message that completed a reply wait. */
  messageId?: string | null;
  /** Extra words for the history row (e.g. that the sweeper did it). */
  note?: string;
};

export type CompletedWait = {
  id: string; runId: string; runSeq: number; nodeId: string; kind: WaitKind; outcome: string | null; data: unknown; timeoutAt: Date;
  /** From the wait's start to its completion. */
  waitedSeconds: number;
};

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
  const outcomes = JSON.stringify(Object.fromEntries(completion.outcomes ?? []));
  return tx.sql<CompletedWait>`
    UPDATE "Wait" w SET
      status = (CASE WHEN ${by} = 'cancel' THEN 'cancelled' ELSE 'completed' END)::"WaitStatus",
      "completedBy" = ${by}::"WaitCompletion", outcome = COALESCE(${outcomes}::jsonb ->> w.id, ${outcome}),
      "completedAt" = COALESCE(${at}::timestamptz, clock_timestamp()),
      "completedByUserId" = ${actorId}, "messageId" = COALESCE(${messageId}, w."messageId")
    FROM "Run" r
    -- By primary key (status::text stays off the pending-only indexes, as in waiting-runs.ts).
    WHERE w.id = ANY(${waitIds}::text[]) AND w.status::text = 'pending' AND r.id = w."runId"
      AND (${by} = 'cancel' OR (r.status = 'waiting' AND r.seq = w."runSeq"))
      AND (${by} <> 'reply' OR (w.kind = 'reply' AND w."timeoutAt" > ${at}::timestamptz))
      AND (${by} <> 'timeout' OR w."timeoutAt" <= COALESCE(${at}::timestamptz, clock_timestamp()))
    RETURNING w.id, w."runId", w."runSeq", w."nodeId", w.kind, w.outcome, w.data, w."timeoutAt",
      EXTRACT(EPOCH FROM w."completedAt" - w."createdAt")::float8 AS "waitedSeconds"`;
}

const stepType: Record<WaitKind, string> = { reply: "customerResponse", delay: "delay", retry: "webhook" };
const ended: Record<WaitKind, (by: string) => string> = {
  reply: (by) => `Completed by ${by}`,
  delay: (by) => `Delay over (${by})`,
  retry: (by) => `Calling again (${by})`,
};

/** The history row of a completion: the wait's node, the handle taken (a Customer Response's), who did it. */
export function completionEntry(wait: CompletedWait, completion: Completion): HistoryEntry {
  const detail = `${ended[wait.kind](completion.by)}${completion.note ? ` (${completion.note})` : ""}`;
  const outcome = wait.kind === "reply" ? wait.outcome : null;
  return { nodeId: wait.nodeId, type: stepType[wait.kind], detail, by: completion.by, actorId: completion.actorId ?? null, ...(outcome ? { outcome } : {}), counts: completionCounts(wait, completion) };
}

/**
 * What a completion counts: the run left on the handle (a cancel leaves on none, a retry
 * re-enters its webhook step), and a reply how long it took.
 */
function completionCounts(wait: CompletedWait, completion: Completion): string[] {
  if (completion.by === "cancel" || wait.kind === "retry") return [];
  if (wait.kind === "delay") return ["default"];
  const handle = wait.outcome ?? completion.outcome;
  if (!handle) return [];
  return completion.by === "reply" ? [handle, replyBucketKey(wait.waitedSeconds)] : [handle];
}
