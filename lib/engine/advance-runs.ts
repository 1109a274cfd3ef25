import type { Tx } from "../sql.ts";
import { lockContacts } from "./contact-state.ts";
import { inIsolatedBatches } from "./isolate.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { runInMemory, type RunOptions } from "./run-in-memory.ts";
import { applyTransitions, type RunRef, type Transition } from "./transition.ts";
import { loadVersionGraph, type VersionGraph } from "./version-graph.ts";

type RunningRun = RunRef & { versionId: string; automationId: string; depth: number; currentNodeId: string | null; contactId: string; replyWatermark: number; calling: boolean };

/**
 * Body of the run-step jobs: advances the running runs among `runIds` until each waits, ends or
 * fails, many runs per transaction. A crash mid-way loses nothing: a retry finds each run where
 * its last committed transaction left it. Resolves with the runs that could not be advanced.
 */
export async function advanceRuns(runIds: string[], options: RunOptions = {}): Promise<Map<string, unknown>> {
  return inIsolatedBatches(runIds, (tx, ids) => advanceBatch(tx, ids, options));
}

async function advanceBatch(tx: Tx, runIds: string[], options: RunOptions): Promise<Map<string, unknown>> {
  // Waiting, finished or cancelled runs are skipped: their job is stale (a duplicate, or a retry
  // after a success). A run changed after this read loses its guarded update and is left alone.
  // By primary key alone: with a status condition the planner may walk every running run.
  const rows = await tx.sql<RunningRun>`
    SELECT r.id, r.status, r.seq, r."versionId", r."automationId", r.depth, r."currentNodeId", r."contactId", r."replyWatermark",
      EXISTS (SELECT 1 FROM "WebhookCall" c WHERE c."runId" = r.id AND c."runSeq" = r.seq AND c.status <> 'done') AS calling
    FROM "Run" r WHERE r.id = ANY(${runIds}::text[]) ORDER BY r.id`;
  // A run at a webhook step whose call is in the outbox is the call job's to move, not ours.
  const runs = rows.filter((run) => run.status === "running" && !run.calling);
  const errors = new Map<string, unknown>();
  // Graphs first (versions never change, so reading them before the lock is safe): the lock reads
  // what they need of the contacts.
  const graphs = new Map<string, VersionGraph>();
  for (const versionId of new Set(runs.map((r) => r.versionId))) {
    try {
      graphs.set(versionId, await loadVersionGraph(tx, versionId));
    } catch (error) {
      for (const run of runs) if (run.versionId === versionId) errors.set(run.id, error);
    }
  }
  const contacts = await lockContacts(tx, [...new Set(runs.map((r) => r.contactId))], await outboundChannel(), graphs.values());
  const transitions: Transition[] = [];
  for (const run of runs) {
    const graph = graphs.get(run.versionId);
    if (!graph) continue;
    try {
      const contact = contacts.get(run.contactId);
      if (!contact) throw new Error(`Contact ${run.contactId} of run ${run.id} not found`);
      const start = {
        run: { id: run.id, status: run.status, seq: run.seq },
        automationId: run.automationId,
        depth: run.depth,
        nodeId: run.currentNodeId ?? graph.trigger.id,
        replyWatermark: run.replyWatermark,
      };
      transitions.push(runInMemory(start, graph, contact, options));
    } catch (error) {
      errors.set(run.id, error);
    }
  }
  await applyTransitions(tx, transitions);
  return errors;
}
