import type { Tx } from "../db.ts";
import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";

/**
 * Locks the contact's row for the rest of the transaction and returns its message counter.
 * Replies take the same lock, so a reply and a new wait can never miss each other.
 */
export async function lockContact(tx: Tx, contactId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ messageSeq: number }[]>`
    SELECT "messageSeq" FROM "Contact" WHERE id = ${contactId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`Contact ${contactId} not found`);
  return row.messageSeq;
}

export async function latestReply(tx: Tx, contactId: string): Promise<string | null> {
  const message = await tx.message.findFirst({
    where: { contactId, direction: "inbound" },
    orderBy: { contactSeq: "desc" },
    select: { text: true },
  });
  return message?.text ?? null;
}

/** The first reply the run has not accounted for yet (look-back for a new wait). */
export async function replyAfter(tx: Tx, contactId: string, watermark: number) {
  return tx.message.findFirst({
    where: { contactId, direction: "inbound", contactSeq: { gt: watermark } },
    orderBy: { contactSeq: "asc" },
    select: { id: true, contactSeq: true },
  });
}

/**
 * Stores an outbound message made by run step `seq`. Call with the contact locked. The key
 * `${runId}:${seq}` is unique, and the step's own transaction commits it, so a retried step
 * cannot send twice. (The sandbox channel's delivery is this row; a provider channel will
 * deliver it from an outbox job keyed by the same row.)
 */
export async function sendOutbound(tx: Tx, run: { id: string; contactId: string }, seq: number, contactSeq: number, text: string) {
  await tx.$executeRaw`
    INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "idempotencyKey", "contactSeq", "runId", status)
    SELECT gen_random_uuid()::text, c."workspaceId", c.id, 'outbound', ${text}, ${SANDBOX_CHANNEL}, ${`${run.id}:${seq}`}, ${contactSeq}, ${run.id}, 'sent'
    FROM "Contact" c WHERE c.id = ${run.contactId}`;
  await tx.$executeRaw`UPDATE "Contact" SET "messageSeq" = ${contactSeq} WHERE id = ${run.contactId}`;
}
