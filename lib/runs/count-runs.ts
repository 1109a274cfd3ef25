import { z } from "zod";
import { currentWorkspaceId } from "../auth/scope.ts";
import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { checkRunFilters, runFilterShape, runFilterWhere, type RunFilters, type RunStatusName } from "./run-filters.ts";

/** The list's filters but `status`: the counts are per status (a `status` given is ignored). */
const { status: _status, ...countShape } = runFilterShape;
export const countRunsQuery = z.object(countShape).superRefine(checkRunFilters);
export type CountRunsQuery = z.infer<typeof countRunsQuery>;

export type RunCounts = { total: number; byStatus: Record<RunStatusName, number> };

/** GET /api/runs/counts: how many runs match, in all and per status (the console's totals). */
export async function countRuns(query: CountRunsQuery): Promise<RunCounts> {
  const rows = await db().$queryRaw<{ status: RunStatusName; count: number }[]>(countRunsSql(currentWorkspaceId(), query));
  const byStatus: Record<RunStatusName, number> = { running: 0, waiting: 0, completed: 0, failed: 0, cancelled: 0 };
  for (const row of rows) byStatus[row.status] = row.count;
  return { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
}

/**
 * The SQL of countRuns (exported for the bench). One pass over the matching runs; with the index
 * "Run_console_counts_idx" (workspaceId, automationId, versionId, status) WHERE NOT test, a small
 * deduplicated one, the counts without a search or time range are an index-only scan of it
 * (bench/runs-console.ts measures both).
 */
export const countRunsSql = (workspaceId: string, filters: Omit<RunFilters, "status">): Prisma.Sql => Prisma.sql`
  SELECT r.status::text AS status, count(*)::int AS count FROM "Run" r ${runFilterWhere(workspaceId, filters)}
  GROUP BY r.status`;
