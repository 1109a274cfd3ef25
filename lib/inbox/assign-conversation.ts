import type { Actor } from "../auth/scope.ts";
import { withTx } from "../engine/with-tx.ts";
import { AppError } from "../errors.ts";
import { notifyLive } from "../live/notify.ts";
import type { AssignBody } from "./conversation-schemas.ts";
import { lockConversation } from "./lock-conversation.ts";

/** Assigns an open conversation to the signed-in user ("me"), or to nobody (null). */
export async function assignConversation(workspaceId: string, id: string, { assigneeId }: AssignBody, actor: Actor): Promise<{ assigneeId: string | null }> {
  if (assigneeId === "me" && actor.type !== "user") throw new AppError("bad_request", "Only a signed-in user can be assigned a conversation (an API key is no one)");
  const assignee = assigneeId === "me" ? actor.id : null;
  return withTx(async (tx) => {
    await lockConversation(tx, workspaceId, id, { open: true });
    await tx.sql`UPDATE "Conversation" SET "assigneeId" = ${assignee} WHERE id = ${id}`;
    await notifyLive(tx, [{ workspaceId, topic: "conversations", ids: [id] }]);
    return { assigneeId: assignee };
  });
}
