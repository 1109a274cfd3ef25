import { formatDuration, toSeconds, type Duration } from "../flow/duration.ts";
import { boss, QUEUES } from "../queue.ts";
import type { Tx } from "../sql.ts";
import { replyAfter } from "./messages.ts";
import { onward, transition, type RunRef } from "./transition.ts";
import type { VersionGraph } from "./version-graph.ts";

type WaitingRun = RunRef & { contactId: string; replyWatermark: number };

/**
 * Enters a Customer Response step (contact row locked by the caller). A reply that arrived after
 * the run's last outbound message, before this wait existed, counts at once (look-back);
 * otherwise a pending wait and its timeout job are stored together. True if the run goes on now.
 */
export async function startWait(tx: Tx, run: WaitingRun, graph: VersionGraph, nodeId: string, timeout: Duration): Promise<boolean> {
  const early = await replyAfter(tx, run.contactId, run.replyWatermark);
  if (early) {
    const target = graph.follow(nodeId, "replied");
    const entry = { nodeId, type: "customerResponse", outcome: "replied", detail: "The reply had already arrived" };
    const seq = await transition(tx, run, [entry], onward(target, nodeId, { replyWatermark: early.contactSeq, enqueue: false }));
    return seq !== null && target !== undefined;
  }
  const seq = await transition(tx, run, [{ nodeId, type: "customerResponse", detail: `Waiting up to ${formatDuration(timeout)} for a reply` }], {
    status: "waiting", currentNodeId: nodeId,
  });
  if (seq === null) return false;
  // The deadline comes from the database clock, never the worker's.
  const [wait] = await tx.sql<{ id: string; timeoutAt: Date }>`
    INSERT INTO "Wait" (id, "runId", "contactId", "nodeId", "runSeq", "timeoutAt")
    VALUES (gen_random_uuid()::text, ${run.id}, ${run.contactId}, ${nodeId}, ${seq}, now() + make_interval(secs => ${toSeconds(timeout)}::float8))
    RETURNING id, "timeoutAt"`;
  if (!wait) throw new Error("Wait insert returned nothing");
  await (await boss()).send(QUEUES.waitTimeout, { waitId: wait.id }, { db: tx.boss, startAfter: wait.timeoutAt });
  return false;
}
