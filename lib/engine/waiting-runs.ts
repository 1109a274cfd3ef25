import type { HandleId } from "../flow/graph.ts";
import type { Tx } from "../sql.ts";
import { completionEntry, type CompletedWait, type Completion } from "./complete-wait.ts";
import type { ContactState } from "./contact-state.ts";
import type { Lane } from "./enqueue.ts";
import { runInMemory } from "./run-in-memory.ts";
import { onward, type Transition } from "./transition.ts";
import { loadVersionGraph, type VersionGraph } from "./version-graph.ts";

/** A completion that moves the run on, along the handle `outcome`. */
export type Resumption = Completion & { outcome: HandleId };

/** A pending wait with what it takes to move its run on. */
export type WaitingRun = CompletedWait & { contactId: string; replyWatermark: number; graph: VersionGraph };

/**
 * The pending waits among `waitIds` (or all of a contact's reply waits), each with its run's
 * graph. A wait whose graph cannot be read is left out and reported, so it stays pending (its
 * timer will retry and, in the end, fail its run) and never blocks the others.
 */
export async function pendingWaits(tx: Tx, filter: { waitIds: string[] } | { contactId: string }): Promise<{ waits: WaitingRun[]; errors: Map<string, unknown> }> {
  type Row = Omit<WaitingRun, "graph"> & { versionId: string };
  // By primary key: `status::text` keeps the planner off the pending-only indexes, whose walk
  // through every pending wait it may misjudge as cheap while statistics lag behind a campaign.
  const rows = "waitIds" in filter
    ? await tx.sql<Row>`
      SELECT w.id, w."runId", w."runSeq", w."nodeId", w."contactId", r."versionId", r."replyWatermark"
      FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE w.id = ANY(${filter.waitIds}::text[]) AND w.status::text = 'pending'`
    : await tx.sql<Row>`
      SELECT w.id, w."runId", w."runSeq", w."nodeId", w."contactId", r."versionId", r."replyWatermark"
      FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE w.status = 'pending' AND w.kind = 'reply' AND w."contactId" = ${filter.contactId}`;
  const waits: WaitingRun[] = [];
  const errors = new Map<string, unknown>();
  for (const { versionId, ...wait } of rows) {
    try {
      waits.push({ ...wait, graph: await loadVersionGraph(tx, versionId) });
    } catch (error) {
      errors.set(wait.id, error);
    }
  }
  return { waits, errors };
}

/** Runs whose wait was just completed, handed to a lane's worker to go on from the handle taken. */
export function resumeInLane(completed: CompletedWait[], waits: WaitingRun[], completion: Resumption, lane: Lane, replyWatermark?: number): Transition[] {
  return completedWaiting(completed, waits).map((wait) => {
    const target = wait.graph.follow(wait.nodeId, completion.outcome);
    return {
      run: { id: wait.runId, status: "waiting", seq: wait.runSeq },
      history: [completionEntry(wait, completion)],
      next: { ...onward(target, wait.nodeId), replyWatermark },
      enqueue: target ? lane : undefined,
    };
  });
}

/**
 * Runs whose wait was just completed, taken on in memory at once (their contacts are locked).
 * `replyWatermark`: the reply that completed the waits, now accounted for by their runs.
 */
export function resumeNow(completed: CompletedWait[], waits: WaitingRun[], completion: Resumption, contacts: Map<string, ContactState>, replyWatermark?: number): Transition[] {
  return completedWaiting(completed, waits).flatMap((wait) => {
    const contact = contacts.get(wait.contactId);
    if (!contact) return [];
    const target = wait.graph.follow(wait.nodeId, completion.outcome);
    const run = { id: wait.runId, status: "waiting" as const, seq: wait.runSeq };
    return [runInMemory({ run, prefix: [completionEntry(wait, completion)], nodeId: target?.id ?? null, finishedAt: wait.nodeId, replyWatermark: replyWatermark ?? wait.replyWatermark }, wait.graph, contact)];
  });
}

function completedWaiting(completed: CompletedWait[], waits: WaitingRun[]): WaitingRun[] {
  const byId = new Map(waits.map((w) => [w.id, w]));
  return completed.flatMap((done) => byId.get(done.id) ?? []);
}
