import { withTx } from "../engine/with-tx.ts";

/**
 * Folds the counter rows of backends that no longer exist into shard 0 (no backend has pid 0),
 * so NodeCount keeps about one row per counter and live connection however long the system
 * runs. A live backend's rows are left alone: it may be adding to them right now. Returns the
 * rows folded.
 */
export async function compactNodeCounts(): Promise<number> {
  const [row] = await withTx((tx) => tx.sql<{ folded: number }>`
    WITH gone AS (
      DELETE FROM "NodeCount" WHERE shard <> 0 AND shard NOT IN (SELECT pid FROM pg_stat_activity)
      RETURNING "versionId", "nodeId", handle, count
    ), folded AS (
      INSERT INTO "NodeCount" ("versionId", "nodeId", handle, shard, count)
      SELECT "versionId", "nodeId", handle, 0, sum(count) FROM gone GROUP BY 1, 2, 3
      ON CONFLICT ("versionId", "nodeId", handle, shard) DO UPDATE SET count = "NodeCount".count + EXCLUDED.count
    )
    SELECT count(*)::int AS folded FROM gone`);
  return row?.folded ?? 0;
}
