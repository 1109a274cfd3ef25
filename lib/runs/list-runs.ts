import { z } from "zod";
import { db } from "../db.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { cursorParam, limitParam, timeAndIdKey, toPage } from "../api/pagination.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { runSummarySelect, toRunSummary, versionLabels } from "./run-summary.ts";
import { serverTime } from "./server-time.ts";
import { checkRunFilters, runFilterShape, runFilterWhere } from "./run-filters.ts";

export { runStatuses } from "./run-filters.ts";

export const listRunsQuery = z
  .object({
    ...runFilterShape,
    cursor: cursorParam(timeAndIdKey).optional(),
    // The first slice answered up to 500 runs (100 by default): kept, so existing clients see no change.
    limit: limitParam(100, 500),
  })
  .superRefine(checkRunFilters);
export type ListRunsQuery = z.infer<typeof listRunsQuery>;

/**
 * Runs, newest first, one page at a time. Keyset pagination on (createdAt, id), never OFFSET: a
 * deep page costs what the first does, and runs started meanwhile do not shift the pages behind
 * the cursor. Every filter combination has an index in that order (list_indexes migration).
 */
export async function listRuns(query: ListRunsQuery) {
  const keys = await pageKeys(query);
  const page = toPage(keys, query.limit, (key) => [key.createdAt.toISOString(), key.id]);
  const ids = page.items.map((key) => key.id);
  const rows = await db().run.findMany({ where: { id: { in: ids } }, select: runSummarySelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // In page order; a run deleted between the two reads is simply left out.
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const labels = await versionLabels(ordered.map((r) => r.version.id));
  return {
    runs: ordered.map((row) => toRunSummary(row, labels(row.version.id))),
    nextCursor: page.nextCursor,
    serverTime: await serverTime(),
  };
}

/**
 * The page's run keys, plus one to tell whether there is more. Written in SQL for the row
 * comparison `(createdAt, id) < cursor`: Postgres uses it as an index bound, so a page deep in a
 * bulk start (thousands of runs sharing one createdAt) starts right at the cursor; Prisma could
 * only spell it `createdAt <= at AND (createdAt < at OR id < id)`, which scans that whole group.
 */
function pageKeys(query: ListRunsQuery): Promise<{ id: string; createdAt: Date }[]> {
  return db().$queryRaw<{ id: string; createdAt: Date }[]>(runPageSql(query));
}

/** The SQL of pageKeys (exported for the test that checks each filter reads an index in order). */
export function runPageSql(query: ListRunsQuery): Prisma.Sql {
  const cursor = query.cursor ? [Prisma.sql`(r."createdAt", r.id) < (${query.cursor.at.toISOString()}::timestamptz, ${query.cursor.id})`] : [];
  return Prisma.sql`
    SELECT r.id, r."createdAt" FROM "Run" r ${runFilterWhere(currentWorkspaceId(), query, cursor)}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${query.limit + 1}`;
}
