import { db } from "../db.ts";
import { toPage } from "../api/pagination.ts";
import type { Actor } from "../auth/scope.ts";
import { AppError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ListConversationsQuery } from "./conversation-schemas.ts";
import { conversationSelect, toConversationSummary, type ConversationRow } from "./conversation-row.ts";

/**
 * The inbox: conversations of one status, the latest message first, keyset on (lastMessageAt,
 * id) read from the (workspaceId, status, lastMessageAt desc, id desc) index, so a conversation
 * that moves to the top meanwhile never makes a page repeat or skip one behind the cursor
 * (it moved ahead of it). `mine`: assigned to the signed-in user.
 */
export async function listConversations(workspaceId: string, query: ListConversationsQuery, actor: Actor) {
  if (query.mine && actor.type !== "user") throw new AppError("bad_request", "`mine` needs a signed-in user (an API key is no one's)");
  const conditions = [Prisma.sql`v."workspaceId" = ${workspaceId}`, Prisma.sql`v.status = ${query.status}::"ConversationStatus"`];
  if (query.mine) conditions.push(Prisma.sql`v."assigneeId" = ${actor.id}`);
  if (query.cursor) conditions.push(Prisma.sql`(v."lastMessageAt", v.id) < (${query.cursor.at.toISOString()}::timestamptz, ${query.cursor.id})`);
  const rows = await db().$queryRaw<ConversationRow[]>(Prisma.sql`
    ${conversationSelect}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY v."lastMessageAt" DESC, v.id DESC
    LIMIT ${query.limit + 1}`);
  const page = toPage(rows, query.limit, (row) => [row.lastMessageAt.toISOString(), row.id]);
  return { conversations: page.items.map(toConversationSummary), nextCursor: page.nextCursor, unreadOpen: await unreadOpen(workspaceId) };
}

/** How many open conversations are unread: the nav's badge. */
export async function unreadOpen(workspaceId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Conversation"
    WHERE "workspaceId" = ${workspaceId} AND status = 'open' AND "lastInboundAt" IS NOT NULL AND ("readAt" IS NULL OR "lastInboundAt" > "readAt")`;
  return row?.count ?? 0;
}
