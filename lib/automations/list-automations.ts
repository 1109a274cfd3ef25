import { PUBLISHED_VERSIONS } from "./published.ts";
import { z } from "zod";
import { db } from "../db.ts";
import { cursorParam, limitParam, timeAndIdKey, toPage } from "../api/pagination.ts";
import { currentWorkspaceId } from "../auth/scope.ts";

export const listAutomationsQuery = z.object({
  cursor: cursorParam(timeAndIdKey).optional(),
  limit: limitParam(50, 200),
});

/** An automation in a list: what a row shows, without the graph (which can be large). */
export type AutomationSummary = {
  id: string;
  name: string;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * Automations, most recently edited first, a page at a time: keyset on (updatedAt, id), served in
 * order by the (workspaceId, updatedAt DESC, id DESC) index. Saving a draft moves an automation to
 * the top, so one edited while someone pages through the list shows on page one, not twice.
 */
export async function listAutomations(query: z.input<typeof listAutomationsQuery> = {}) {
  const { cursor, limit } = listAutomationsQuery.parse(query);
  const rows = await db().automation.findMany({
    where: {
      workspaceId: currentWorkspaceId(),
      // (updatedAt, id) < cursor, spelled so that Postgres bounds the index scan on updatedAt.
      ...(cursor
        ? { updatedAt: { lte: cursor.at }, OR: [{ updatedAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] }
        : {}),
    },
    select: {
      id: true,
      name: true,
      createdAt: true,
      updatedAt: true,
      versions: { where: PUBLISHED_VERSIONS, select: { version: true }, orderBy: { version: "desc" }, take: 1 },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = toPage(rows, limit, (row) => [row.updatedAt.toISOString(), row.id]);
  const automations: AutomationSummary[] = page.items.map((row) => ({
    id: row.id,
    name: row.name,
    publishedVersion: row.versions[0]?.version ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
  return { automations, nextCursor: page.nextCursor };
}
