import type { RunStatus } from "../generated/prisma/enums.ts";
import { boss, QUEUES } from "../queue.ts";
import type { Tx } from "../sql.ts";

export type RunRef = { id: string; status: RunStatus; seq: number };
export type HistoryEntry = { nodeId: string | null; type: string; outcome?: string; detail?: string };
export type NextState = {
  status: RunStatus;
  currentNodeId: string | null;
  replyWatermark?: number;
  failureReason?: string;
  /** Enqueue a step job for a running run; false when the caller goes on executing it itself. */
  enqueue?: boolean;
};

/**
 * The one place that changes a run: a compare-and-set on (status, seq), the history rows, and
 * the next job, all inside the caller's transaction. Returns the new seq, or null when another
 * actor changed the run first (a lost race: the caller must write nothing else).
 */
export async function transition(tx: Tx, run: RunRef, history: HistoryEntry[], next: NextState): Promise<number | null> {
  const newSeq = run.seq + history.length;
  // One statement: the guarded update, and the history rows only if it matched (one round trip).
  const inserted = await tx.sql`
    WITH moved AS (
    UPDATE "Run" SET
      status = ${next.status}::"RunStatus",
      seq = ${newSeq},
      "currentNodeId" = ${next.currentNodeId},
      "replyWatermark" = COALESCE(${next.replyWatermark ?? null}::int, "replyWatermark"),
      "failureReason" = ${next.failureReason ?? null},
      "updatedAt" = now()
    WHERE id = ${run.id} AND status = ${run.status}::"RunStatus" AND seq = ${run.seq}
    RETURNING id)
    INSERT INTO "RunStep" ("runId", seq, "nodeId", type, outcome, detail, at)
    SELECT moved.id, ${run.seq}::int + e.ord::int, e.v->>'nodeId', e.v->>'type', e.v->>'outcome', e.v->>'detail', clock_timestamp()
    FROM moved, json_array_elements(${JSON.stringify(history)}::json) WITH ORDINALITY AS e(v, ord)
    RETURNING seq`;
  if (inserted.length === 0) return null;
  if (next.status === "running" && next.enqueue !== false) {
    await (await boss()).send(QUEUES.runStep, { runId: run.id }, { db: tx.boss });
  }
  return newSeq;
}

/** After a node took an output: on to the node it leads to, or completed when it leads nowhere. */
export function onward(target: { id: string } | undefined, fromNodeId: string, extra: Pick<NextState, "replyWatermark" | "enqueue"> = {}): NextState {
  return target ? { ...extra, status: "running", currentNodeId: target.id } : { ...extra, status: "completed", currentNodeId: fromNodeId };
}

