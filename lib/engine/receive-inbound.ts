import { errorText, logFor } from "../log.ts";
import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import type { Tx } from "../sql.ts";
import { scopedWorkspaceId } from "../auth/scope.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { completeWaits } from "./complete-wait.ts";
import { applyTransitions } from "./transition.ts";
import type { CompletedWait } from "./complete-wait.ts";
import { lockContacts } from "./contact-state.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { trySavepoint } from "./savepoint.ts";
import { pendingWaits, replyOutcomes, resumeInLane, resumeNow, type Resumption, type WaitingRun } from "./waiting-runs.ts";
import { withTx } from "./with-tx.ts";
import { notifyLive, notifyMessages } from "../live/notify.ts";

/**
 * `from`: the contact's phone, or null for a WhatsApp user known only by `waUserId` (Meta's
 * business-scoped id); `name`: the profile name the channel gave, kept if the contact has none.
 * `buttonId`: the quick-reply button the contact pressed, when the channel says so.
 */
export type InboundMessage = {
  from: string | null;
  waUserId?: string | null;
  name?: string | null;
  text: string;
  providerMessageId?: string;
  channel?: string;
  buttonId?: string;
  /** The contact's workspace: the request's (sandbox) or, from Meta's webhook, the default one. */
  workspaceId?: string;
};
export type InboundResult = { messageId: string | null; duplicate: boolean; completedWaits: number };

class DuplicateMessage extends Error {}

/**
 * Stores a message from a contact (once per provider message id) and completes every pending
 * Customer Response wait of that contact, in all automations, in the same transaction, where the
 * runs also go on. A run that cannot be moved (its graph unreadable, its state inconsistent) keeps
 * its wait and never costs the contact's message or the other waits.
 */
export async function receiveInbound(message: InboundMessage): Promise<InboundResult> {
  try {
    return await withTx((tx) => storeAndComplete(tx, message));
  } catch (error) {
    // The duplicate rolled back the whole transaction, so the counter bump is undone too.
    if (error instanceof DuplicateMessage) return { messageId: null, duplicate: true, completedWaits: 0 };
    throw error;
  }
}

async function storeAndComplete(tx: Tx, message: InboundMessage): Promise<InboundResult> {
  const { text, providerMessageId, channel = SANDBOX_CHANNEL, buttonId } = message;
  const workspaceId = message.workspaceId ?? scopedWorkspaceId() ?? DEFAULT_WORKSPACE_ID;
  // Creating or bumping the contact row locks it until commit: a run entering a wait for this
  // contact either sees this message (look-back) or has its wait completed below. The message is
  // stamped by the database clock once that lock is held (see contact-state.ts, eventTime).
  const contactId = await bumpContact(tx, workspaceId, message);
  const [stored] = await tx.sql<{ id: string; contactId: string; contactSeq: number; at: Date }>`
    INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "providerMessageId", "buttonId", "contactSeq", at)
    SELECT gen_random_uuid()::text, ${workspaceId}, c.id, 'inbound', ${text}, ${channel}, ${providerMessageId ?? null}, ${buttonId ?? null}, c."messageSeq", clock_timestamp()::timestamptz(3)
    FROM "Contact" c WHERE c.id = ${contactId}
    ON CONFLICT ("workspaceId", channel, "providerMessageId") WHERE "providerMessageId" IS NOT NULL DO NOTHING
    RETURNING id, "contactId", "contactSeq", at`;
  if (!stored) throw new DuplicateMessage();
  const { at } = stored;
  const contact = { id: stored.contactId, messageSeq: stored.contactSeq, workspaceId };
  const { waits, errors } = await pendingWaits(tx, { contactId: contact.id });
  for (const [waitId, error] of errors) logFor({ waitId, contactId: contact.id }).error({ err: errorText(error) }, "a reply left this wait pending");
  // Race with the timeout job: see timeout-waits.ts. A reply counts only before the deadline.
  // Each Customer Response routes the reply by its own rules: the first route it matches, else replied.
  const completion: Resumption = { by: "reply", outcome: "replied", outcomes: replyOutcomes(waits, { text, buttonId }), replyText: text, at, messageId: stored.id };
  const completed = await completeWaits(tx, waits.map((w) => w.id), completion);
  if (completed.length > 0) await resume(tx, completed, waits, completion, contact);
  await notifyMessages(tx, [{ workspaceId, contactId: contact.id }]);
  await touchConversation(tx, workspaceId, contact.id, at);
  return { messageId: stored.id, duplicate: false, completedWaits: completed.length };
}

/**
 * The runs go on at once, in this transaction, until they wait or end (the next message is
 * written with the reply, as a timeout writes its reminder). Should that fail, it is undone and
 * the runs are handed to the interactive lane instead: the message and the completed waits stay.
 */
async function resume(tx: Tx, completed: CompletedWait[], waits: WaitingRun[], completion: Resumption, contact: { id: string; messageSeq: number; workspaceId: string }) {
  const now = await trySavepoint(tx, async () => {
    const contacts = await lockContacts(tx, [contact.id], await outboundChannel(contact.workspaceId), waits.map((w) => w.graph)); // already ours: the upsert locked it
    return applyTransitions(tx, resumeNow(completed, waits, completion, contacts, contact.messageSeq));
  });
  if (!now) await applyTransitions(tx, resumeInLane(completed, waits, completion, "interactive", contact.messageSeq));
}

/**
 * Finds or creates the contact and bumps its message counter (which locks its row): by phone when
 * the channel gives one (learning the user id on the way), else by Meta's user id alone.
 */
async function bumpContact(tx: Tx, workspaceId: string, { from, waUserId = null, name = null }: InboundMessage): Promise<string> {
  const [row] = from
    ? await tx.sql<{ id: string }>`
      WITH free AS (
        -- The user id, unless another contact (first seen by user id alone) already has it.
        SELECT ${waUserId}::text AS id WHERE NOT EXISTS (
          SELECT 1 FROM "Contact" o WHERE o."workspaceId" = ${workspaceId} AND o."waUserId" = ${waUserId}::text)
      )
      INSERT INTO "Contact" (id, "workspaceId", phone, "waUserId", name, "messageSeq")
      VALUES (gen_random_uuid()::text, ${workspaceId}, ${from}, (SELECT id FROM free), ${name}, 1)
      ON CONFLICT ("workspaceId", phone) DO UPDATE SET "messageSeq" = "Contact"."messageSeq" + 1,
        name = COALESCE("Contact".name, EXCLUDED.name), "waUserId" = COALESCE("Contact"."waUserId", EXCLUDED."waUserId")
      RETURNING id`
    : await tx.sql<{ id: string }>`
      INSERT INTO "Contact" (id, "workspaceId", "waUserId", name, "messageSeq")
      VALUES (gen_random_uuid()::text, ${workspaceId}, ${waUserId}, ${name}, 1)
      ON CONFLICT ("workspaceId", "waUserId") DO UPDATE SET "messageSeq" = "Contact"."messageSeq" + 1, name = COALESCE("Contact".name, EXCLUDED.name)
      RETURNING id`;
  if (!row) throw new Error("The contact could not be stored");
  return row.id;
}

/** An open inbox conversation moves to the top and shows unread; the waits were completed as always. */
async function touchConversation(tx: Tx, workspaceId: string, contactId: string, at: Date): Promise<void> {
  const touched = await tx.sql<{ id: string }>`
    UPDATE "Conversation" SET "lastMessageAt" = ${at}, "lastInboundAt" = ${at}
    WHERE "contactId" = ${contactId} AND status = 'open' RETURNING id`;
  await notifyLive(tx, touched.map((c) => ({ workspaceId, topic: "conversations" as const, ids: [c.id] })));
}
