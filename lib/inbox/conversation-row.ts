import { Prisma } from "../generated/prisma/client.ts";
import { contactKeyOf } from "../contacts/contact-key.ts";

/** What the list and the detail read of a conversation, in one SQL shape (see conversationSelect). */
export type ConversationRow = {
  id: string;
  status: "open" | "closed";
  note: string | null;
  nodeId: string | null;
  runId: string | null;
  openedAt: Date;
  closedAt: Date | null;
  closedById: string | null;
  closedByName: string | null;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  readAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  contactId: string;
  phone: string | null;
  waUserId: string | null;
  contactName: string | null;
  lastText: string | null;
  lastDirection: "inbound" | "outbound" | null;
  lastAt: Date | null;
};

/**
 * The columns and joins of a conversation row, aliased `v` for the caller's WHERE: the contact,
 * the assignee's and closer's names, and the contact's latest message (one index probe on
 * (contactId, contactSeq)).
 */
export const conversationSelect = Prisma.sql`
  SELECT v.id, v.status::text AS status, v.note, v."nodeId", v."runId", v."openedAt", v."closedAt", v."closedById", cu.name AS "closedByName",
    v."lastMessageAt", v."lastInboundAt", v."readAt", v."assigneeId", au.name AS "assigneeName",
    c.id AS "contactId", c.phone, c."waUserId", c.name AS "contactName",
    lm.text AS "lastText", lm.direction::text AS "lastDirection", lm.at AS "lastAt"
  FROM "Conversation" v
  JOIN "Contact" c ON c.id = v."contactId"
  LEFT JOIN "User" au ON au.id = v."assigneeId"
  LEFT JOIN "User" cu ON cu.id = v."closedById"
  LEFT JOIN LATERAL (
    SELECT m.text, m.direction, m.at FROM "Message" m WHERE m."contactId" = c.id ORDER BY m."contactSeq" DESC LIMIT 1
  ) lm ON true`;

/** Unread: the contact wrote after the last time an operator read it (or it was never read). */
export const isUnread = (row: Pick<ConversationRow, "lastInboundAt" | "readAt">) =>
  row.lastInboundAt !== null && (row.readAt === null || row.lastInboundAt > row.readAt);

/** A conversation as the API answers it (the list's items; the detail adds to it). */
export function toConversationSummary(row: ConversationRow) {
  return {
    id: row.id,
    status: row.status,
    contact: { id: row.contactId, key: contactKeyOf(row), phone: row.phone, name: row.contactName },
    note: row.note,
    nodeId: row.nodeId,
    runId: row.runId,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName } : null,
    unread: isUnread(row),
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedById ? { id: row.closedById, name: row.closedByName } : null,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    lastMessage: row.lastText !== null && row.lastDirection && row.lastAt ? { text: row.lastText, direction: row.lastDirection, at: row.lastAt.toISOString() } : null,
  };
}
export type ConversationSummary = ReturnType<typeof toConversationSummary>;
