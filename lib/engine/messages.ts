import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { SESSION_WINDOW_SECONDS } from "../flow/session-window.ts";
import type { Tx } from "../sql.ts";

/**
 * Locks the contact's row for the rest of the transaction; returns its message counter and
 * whether it wrote within WhatsApp's 24-hour window. Replies take the same lock, so a reply and
 * a new wait (or a send) can never miss each other.
 */
export async function lockContact(tx: Tx, contactId: string): Promise<{ messageSeq: number; sessionOpen: boolean }> {
  const [row] = await tx.sql<{ messageSeq: number; sessionOpen: boolean }>`
    SELECT "messageSeq", COALESCE("lastInboundAt" > now() - make_interval(secs => ${SESSION_WINDOW_SECONDS}), false) AS "sessionOpen"
    FROM "Contact" WHERE id = ${contactId} FOR UPDATE`;
  if (!row) throw new Error(`Contact ${contactId} not found`);
  return row;
}

/**
 * The database clock, read once the contact's row is locked and rounded to the columns'
 * precision. Stamping replies and timeouts under the same lock makes the clock agree with the
 * order in which they happened, so "replied before the deadline" means the same thing everywhere.
 */
export async function eventTime(tx: Tx): Promise<Date> {
  const [row] = await tx.sql<{ at: Date }>`SELECT clock_timestamp()::timestamptz(3) AS at`;
  if (!row) throw new Error("clock_timestamp() returned nothing");
  return row.at;
}

export async function latestReply(tx: Tx, contactId: string): Promise<string | null> {
  const [row] = await tx.sql<{ text: string }>`
    SELECT text FROM "Message" WHERE "contactId" = ${contactId} AND direction = 'inbound'
    ORDER BY "contactSeq" DESC LIMIT 1`;
  return row?.text ?? null;
}

/** The first reply the run has not accounted for yet (look-back for a new wait). */
export async function replyAfter(tx: Tx, contactId: string, watermark: number) {
  const [row] = await tx.sql<{ id: string; contactSeq: number }>`
    SELECT id, "contactSeq" FROM "Message"
    WHERE "contactId" = ${contactId} AND direction = 'inbound' AND "contactSeq" > ${watermark}
    ORDER BY "contactSeq" LIMIT 1`;
  return row;
}

/**
 * Stores an outbound message made by run step `seq`. Call with the contact locked. The key
 * `${runId}:${seq}` is unique, and the step's own transaction commits it, so a retried step
 * cannot send twice. (The sandbox channel's delivery is this row; a provider channel will
 * deliver it from an outbox job keyed by the same row.)
 */
export async function sendOutbound(tx: Tx, run: { id: string; contactId: string }, seq: number, contactSeq: number, text: string) {
  await tx.sql`
    INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "idempotencyKey", "contactSeq", "runId", status, at)
    SELECT gen_random_uuid()::text, c."workspaceId", c.id, 'outbound', ${text}, ${SANDBOX_CHANNEL}, ${`${run.id}:${seq}`}, ${contactSeq}, ${run.id}, 'sent', clock_timestamp()
    FROM "Contact" c WHERE c.id = ${run.contactId}`;
  await tx.sql`UPDATE "Contact" SET "messageSeq" = ${contactSeq} WHERE id = ${run.contactId}`;
}
