import { AppError, notFound } from "../errors.ts";
import type { Tx } from "../sql.ts";

export type LockedConversation = { id: string; workspaceId: string; contactId: string; status: "open" | "closed"; assigneeId: string | null };

/**
 * Locks one conversation of the workspace for a write (404 for another workspace's). With
 * `contactFirst`, the contact's row is locked before it, the order every message writer takes
 * (an inbound message locks the contact, then touches its conversation), so the two never deadlock.
 */
export async function lockConversation(tx: Tx, workspaceId: string, id: string, { contactFirst = false, open = false } = {}): Promise<LockedConversation> {
  if (contactFirst) {
    await tx.sql`
      SELECT c.id FROM "Contact" c JOIN "Conversation" v ON v."contactId" = c.id
      WHERE v.id = ${id} AND v."workspaceId" = ${workspaceId} FOR UPDATE OF c`;
  }
  const [row] = await tx.sql<LockedConversation>`
    SELECT id, "workspaceId", "contactId", status::text AS status, "assigneeId" FROM "Conversation"
    WHERE id = ${id} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  if (!row) throw notFound("Conversation");
  if (open && row.status !== "open") throw new AppError("conflict", "The conversation is closed; a new handoff opens a new one");
  return row;
}
