import type { HandleId } from "../flow/graph.ts";
import type { Tx } from "../sql.ts";
import { onward, transition } from "./transition.ts";
import { loadVersionGraph } from "./version-graph.ts";

export type CompletedWait = { id: string; runId: string; runSeq: number; nodeId: string };

/**
 * Moves a run on from a wait that the caller has just completed (its guarded update won), along
 * the handle `outcome`. The run is still waiting at the wait's seq unless the data is corrupt:
 * cancel cancels pending waits in the same transaction as the run.
 */
export async function resumeRun(tx: Tx, wait: CompletedWait, outcome: HandleId, by: string, replyWatermark?: number): Promise<void> {
  const [run] = await tx.sql<{ versionId: string }>`SELECT "versionId" FROM "Run" WHERE id = ${wait.runId}`;
  if (!run) throw new Error(`Run ${wait.runId} of wait ${wait.id} not found`);
  const graph = await loadVersionGraph(tx, run.versionId);
  const target = graph.follow(wait.nodeId, outcome);
  const entry = { nodeId: wait.nodeId, type: "customerResponse", outcome, detail: `Completed by ${by}` };
  const seq = await transition(tx, { id: wait.runId, status: "waiting", seq: wait.runSeq }, [entry], onward(target, wait.nodeId, { replyWatermark }));
  if (seq === null) throw new Error(`Run ${wait.runId} was not waiting at seq ${wait.runSeq} for wait ${wait.id}`);
}
