import { withTx } from "../engine/with-tx.ts";
import { notifyLive } from "../live/notify.ts";
import { lockConversation } from "./lock-conversation.ts";

/**
 * Marks a conversation read up to the contact's latest message this transaction sees (not "now":
 * a message stamped a moment ago but committed after this read stays unread). Unread again once
 * the contact writes after it; a conversation without inbound messages is stamped with the clock.
 */
export async function markConversationRead(workspaceId: string, id: string): Promise<{ readAt: string }> {
  return withTx(async (tx) => {
    await lockConversation(tx, workspaceId, id);
    const [row] = await tx.sql<{ readAt: Date }>`
      UPDATE "Conversation" SET "readAt" = GREATEST("readAt", COALESCE("lastInboundAt", clock_timestamp())) WHERE id = ${id} RETURNING "readAt"`;
    await notifyLive(tx, [{ workspaceId, topic: "conversations", ids: [id] }]);
    return { readAt: row!.readAt.toISOString() };
  });
}
