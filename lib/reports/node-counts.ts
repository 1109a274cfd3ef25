import { db } from "../db.ts";

/** Per node, per counter key (`@entered`, a handle, `@reply:<bound>`): the sum over shards. */
export type NodeCounts = Map<string, Map<string, number>>;

/** A version's counters: a few rows per node however many runs there were (lib/stats/counter-keys.ts). */
export async function readNodeCounts(versionId: string): Promise<NodeCounts> {
  const rows = await db().$queryRaw<{ nodeId: string; handle: string; count: number }[]>`
    SELECT "nodeId", handle, sum(count)::float8 AS count FROM "NodeCount" WHERE "versionId" = ${versionId} GROUP BY "nodeId", handle`;
  const counts: NodeCounts = new Map();
  for (const row of rows) {
    const node = counts.get(row.nodeId) ?? new Map<string, number>();
    node.set(row.handle, Number(row.count));
    counts.set(row.nodeId, node);
  }
  return counts;
}
