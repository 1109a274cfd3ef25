import type { HandleId } from "../flow/graph.ts";
import type { WaitKind } from "../generated/prisma/enums.ts";
import type { Tx } from "../sql.ts";
import { completionEntry, type CompletedWait, type Completion } from "./complete-wait.ts";
import type { ContactOp } from "./contact-ops.ts";
import type { ContactState } from "./contact-state.ts";
import type { Lane } from "./enqueue.ts";
import { matchReply, type Reply } from "./match-reply.ts";
import { retryWaitData } from "./retry-wait.ts";
import { runInMemory, type RunStart } from "./run-in-memory.ts";
import { onward, type Transition } from "./transition.ts";
import { loadVersionGraph, type VersionGraph } from "./version-graph.ts";

/** A completion that moves the run on, along the handle `outcome` (unless a wait's own differs). */
export type Resumption = Completion & { outcome: HandleId };

/** A pending wait with what it takes to move its run on. */
export type WaitingRun = {
  id: string;
  runId: string;
  runSeq: number;
  nodeId: string;
  kind: WaitKind;
  data: unknown;
  contactId: string;
  automationId: string;
  depth: number;
  replyWatermark: number;
  graph: VersionGraph;
};

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
      SELECT w.id, w."runId", w."runSeq", w."nodeId", w.kind, w.data, w."contactId", r."versionId", r."automationId", r.depth, r."replyWatermark"
      FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE w.id = ANY(${filter.waitIds}::text[]) AND w.status::text = 'pending'`
    : await tx.sql<Row>`
      SELECT w.id, w."runId", w."runSeq", w."nodeId", w.kind, w.data, w."contactId", r."versionId", r."automationId", r.depth, r."replyWatermark"
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

/** Where a wait's timer sends its run: silence → noResponse, a delay's end → on, a retry → the step again. */
export const timeoutOutcome: Record<WaitKind, HandleId> = { reply: "noResponse", delay: "default", retry: "retry" };

/** The handle a reply takes out of each Customer Response it completes (its routes, else replied). */
export function replyOutcomes(waits: WaitingRun[], reply: Reply): Map<string, string> {
  return new Map(waits.map((wait) => {
    const node = wait.graph.node(wait.nodeId);
    const routes = node?.type === "customerResponse" ? node.data.routes : undefined;
    return [wait.id, matchReply(routes, reply, wait.graph.buttonsBefore(wait.nodeId))];
  }));
}

/** Runs whose wait was just completed, handed to a lane's worker to go on from the handle taken. */
export function resumeInLane(completed: CompletedWait[], waits: WaitingRun[], completion: Resumption, lane: Lane, replyWatermark?: number): Transition[] {
  return completedWaiting(completed, waits).map(({ wait, done }) => {
    const target = wait.graph.follow(wait.nodeId, done.outcome ?? completion.outcome);
    return {
      run: { id: wait.runId, status: "waiting", seq: wait.runSeq },
      history: [completionEntry(done, completion)],
      next: { ...onward(target, wait.nodeId), replyWatermark },
      contactOps: savedReply(wait, done, completion),
      enqueue: target ? lane : undefined,
    };
  });
}

/**
 * Runs whose wait was just completed, taken on in memory at once (their contacts are locked).
 * `replyWatermark`: the reply that completed the waits, now accounted for by their runs.
 */
export function resumeNow(completed: CompletedWait[], waits: WaitingRun[], completion: Resumption, contacts: Map<string, ContactState>, replyWatermark?: number): Transition[] {
  return completedWaiting(completed, waits).flatMap(({ wait, done }) => {
    const contact = contacts.get(wait.contactId);
    if (!contact) return [];
    const start: RunStart = {
      run: { id: wait.runId, status: "waiting", seq: wait.runSeq },
      automationId: wait.automationId,
      depth: wait.depth,
      prefix: [completionEntry(done, completion)],
      prefixOps: savedReply(wait, done, completion),
      nodeId: null,
      finishedAt: wait.nodeId,
      replyWatermark: replyWatermark ?? wait.replyWatermark,
    };
    if (done.kind === "retry") {
      const retry = retryWaitData.safeParse(done.data);
      start.nodeId = wait.nodeId;
      if (retry.success) start.retry = retry.data;
    } else {
      start.nodeId = wait.graph.follow(wait.nodeId, done.outcome ?? completion.outcome)?.id ?? null;
    }
    return [runInMemory(start, wait.graph, contact)];
  });
}

/** saveReplyTo: a reply's text into the contact field the Customer Response names. */
function savedReply(wait: WaitingRun, done: CompletedWait, completion: Completion): ContactOp[] | undefined {
  if (done.kind !== "reply" || completion.replyText === undefined) return undefined;
  const node = wait.graph.node(wait.nodeId);
  const key = node?.type === "customerResponse" ? node.data.saveReplyTo : undefined;
  return key ? [{ op: "setField", key, value: completion.replyText.slice(0, 1000) }] : undefined;
}

function completedWaiting(completed: CompletedWait[], waits: WaitingRun[]) {
  const byId = new Map(waits.map((w) => [w.id, w]));
  return completed.flatMap((done) => {
    const wait = byId.get(done.id);
    return wait ? [{ wait, done }] : [];
  });
}
