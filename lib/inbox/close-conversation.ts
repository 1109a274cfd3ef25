import type { Actor } from "../auth/scope.ts";
import { withTx } from "../engine/with-tx.ts";
import { notifyLive } from "../live/notify.ts";
import { lockConversation } from "./lock-conversation.ts";

/**
 * Closes an open conversation (409 if already closed). It stays as history: the contact's next
 * handoff opens a new one (lib/engine/open-conversations.ts), never this one again.
 */
export async function closeConversation(workspaceId: string, id: string, actor: Actor): Promise<{ status: "closed"; closedAt: string }> {
  return withTx(async (tx) => {
    await lockConversation(tx, workspaceId, id, { open: true });
    const [row] = await tx.sql<{ closedAt: Date }>`
      UPDATE "Conversation" SET status = 'closed', "closedAt" = clock_timestamp(), "closedById" = ${actor.type === "user" ? actor.id : null}
      WHERE id = ${id} RETURNING "closedAt"`;
    await notifyLive(tx, [{ workspaceId, topic: "conversations", ids: [id] }]);
    return { status: "closed", closedAt: row!.closedAt.toISOString() };
  });
}
