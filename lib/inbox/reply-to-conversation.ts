import { outboundChannel } from "../channels/outbound.ts";
import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { enqueueSends } from "../engine/enqueue.ts";
import { withTx } from "../engine/with-tx.ts";
import { AppError } from "../errors.ts";
import { notifyLive, notifyMessages } from "../live/notify.ts";
import type { ReplyBody } from "./conversation-schemas.ts";
import { lockConversation } from "./lock-conversation.ts";
import { sessionState } from "./session-state.ts";

export type ReplyResult = { messageId: string; status: string; channel: string };

/**
 * An operator's reply: an outbound message of the contact on the workspace's channel, stored in
 * the send outbox (the sandbox's are sent at once) and sent by the message-send job, like a run's.
 * Under the contact's row lock, as the engine sends: the message takes the contact's next
 * counter value, and the 24-hour window is read against a message that may be arriving. Free
 * text outside the window is a 409 that writes nothing; a template may go at any time. The
 * conversation moves to the top and counts as read (the operator answered what was there).
 */
export async function replyToConversation(workspaceId: string, id: string, body: ReplyBody): Promise<ReplyResult> {
  const channel = await outboundChannel(workspaceId);
  return withTx(async (tx) => {
    const conversation = await lockConversation(tx, workspaceId, id, { contactFirst: true, open: true });
    if ("text" in body) {
      const session = await sessionState(tx.sql, conversation.contactId, channel);
      if (!session.open) {
        throw new AppError("conflict", "WhatsApp's 24-hour window is closed: the contact has not written in the last 24 hours, so free text cannot be sent. Send an approved template instead.");
      }
    }
    const template = "template" in body ? body.template : null;
    const text = "text" in body ? body.text : templateText(body.template);
    const [message] = await tx.sql<{ id: string; status: string; at: Date }>`
      WITH bumped AS (
        UPDATE "Contact" SET "messageSeq" = "messageSeq" + 1 WHERE id = ${conversation.contactId} RETURNING id, "workspaceId", "messageSeq"
      )
      INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "contactSeq", status, template, at)
      SELECT gen_random_uuid()::text, b."workspaceId", b.id, 'outbound', ${text}, ${channel}, b."messageSeq",
        ${channel === SANDBOX_CHANNEL ? "sent" : "pending"}, ${template ? JSON.stringify(template) : null}::jsonb, clock_timestamp()
      FROM bumped b
      RETURNING id, status, at`;
    if (!message) throw new Error("The reply could not be stored");
    await tx.sql`UPDATE "Conversation" SET "lastMessageAt" = ${message.at}, "readAt" = GREATEST("readAt", ${message.at}) WHERE id = ${id}`;
    if (message.status === "pending") await enqueueSends(tx, [{ id: message.id }]);
    await notifyMessages(tx, [{ workspaceId, contactId: conversation.contactId }]);
    await notifyLive(tx, [{ workspaceId, topic: "conversations", ids: [id] }]);
    return { messageId: message.id, status: message.status, channel };
  });
}

/** What the transcript shows of a template (its content lives at Meta): its parameters, else its name. */
const templateText = (template: { name: string; params: string[] }) => (template.params.length > 0 ? template.params.join(" · ") : template.name);
