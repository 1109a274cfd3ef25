import { notifyMessages, type MessageChange } from "../live/notify.ts";
import { z } from "zod";
import { messageBody } from "../channels/whatsapp/message-body.ts";
import { whatsappConfig, type WhatsappConfig } from "../channels/whatsapp/config.ts";
import { postMessage } from "../channels/whatsapp/graph-api.ts";
import { reserveSendSlots } from "../channels/whatsapp/pace.ts";
import type { SendResult } from "../channels/whatsapp/send-result.ts";
import type { Tx } from "../sql.ts";
import { handleDeliveryFailures } from "./delivery-failed.ts";
import { enqueueSends } from "./enqueue.ts";
import { logFor, log, errorText } from "../log.ts";
import { countSend } from "../metrics/record.ts";
import { withTx } from "./with-tx.ts";

/**
 * A claimed send no one finished in this long (its worker died mid-send) may be claimed again.
 * Longer than a send's timeout plus its pacing, and than a status webhook takes to say it went out.
 */
export const SEND_LEASE_SECONDS = Number(process.env.WHATSAPP_SEND_LEASE_SECONDS ?? 60);
/** A send that may have reached Meta (a timeout) is retried no sooner: its status webhook usually says first. */
const DOUBT_SECONDS = Number(process.env.WHATSAPP_SEND_DOUBT_SECONDS ?? 30);
/** Retries (rate limits, outages) go on this long after the step stored the message, then it fails. */
const GIVE_UP_SECONDS = Number(process.env.WHATSAPP_SEND_GIVE_UP_SECONDS ?? 3600);

const buttonsSchema = z.array(z.object({ id: z.string(), title: z.string() })).nullable();
const templateSchema = z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) }).nullable();

type Claimed = {
  id: string; runId: string | null; workspaceId: string; text: string; buttons: unknown; template: unknown;
  idempotencyKey: string | null; attempts: number; claimedAt: Date; phone: string | null; waUserId: string | null; ageSeconds: number;
};

/**
 * Body of the message-send jobs (the send outbox's far side): claims each pending message, sends
 * it outside any transaction, paced per phone number, and records what Meta said. At least once
 * and at most once as far as Meta lets us tell: a worker dying mid-send leaves the claim to
 * expire, and the message is sent again only if no status webhook (which carries our message id)
 * arrived meanwhile to say the first send went out. Resolves with the messages to retry as a job.
 */
export async function deliverMessages(messageIds: string[]): Promise<Map<string, unknown>> {
  const { claimed, busy } = await withTx((tx) => claim(tx, messageIds));
  const failed = new Map<string, unknown>();
  // Being sent by another worker, within its lease: retry the job later, by when that send is
  // recorded (then there is nothing to do) or its lease expired (then it is ours to send).
  for (const id of busy) failed.set(id, new Error("The message is being sent by another worker"));
  for (const [workspaceId, messages] of groupBy(claimed, (m) => m.workspaceId)) {
    try {
      const config = await whatsappConfig(workspaceId);
      const results = config ? await sendAll(config, messages) : messages.map(() => notConfigured);
      await recordPersistently(messages, results);
    } catch (error) {
      for (const m of messages) failed.set(m.id, error);
    }
  }
  return failed;
}

const notConfigured: SendResult = { kind: "refused", reason: "Not sent: the WhatsApp channel is no longer configured", code: null };

async function claim(tx: Tx, messageIds: string[]): Promise<{ claimed: Claimed[]; busy: string[] }> {
  // A run cancelled before its message went out: the message stays unsent.
  await tx.sql`
    UPDATE "Message" m SET status = 'failed', error = 'Not sent: the run was cancelled before it went out', "claimedAt" = NULL
    FROM "Run" r
    WHERE m.id = ANY(${messageIds}::text[]) AND m.status = 'pending' AND m."claimedAt" IS NULL AND r.id = m."runId" AND r.status = 'cancelled'`;
  // `takenOver`: tried before (a worker died mid-send, its record failed, or the send timed out),
  // so it may have gone out.
  const claimed = await tx.sql<Claimed & { takenOver: boolean }>`
    UPDATE "Message" m SET "claimedAt" = clock_timestamp(), attempts = m.attempts + 1
    FROM "Contact" c, (SELECT id, ("claimedAt" IS NOT NULL OR attempts > 0) AS "takenOver" FROM "Message" WHERE id = ANY(${messageIds}::text[]) ORDER BY id FOR UPDATE) old
    WHERE m.id = old.id AND m.status = 'pending' AND m.direction = 'outbound' AND c.id = m."contactId"
      AND (m."claimedAt" IS NULL OR m."claimedAt" < clock_timestamp() - make_interval(secs => ${SEND_LEASE_SECONDS}))
      AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= clock_timestamp() + interval '1 second')
    RETURNING m.id, m."runId", m."workspaceId", m.text, m.buttons, m.template, m."idempotencyKey", m.attempts, m."claimedAt",
      c.phone, c."waUserId", extract(epoch FROM clock_timestamp() - m.at)::float8 AS "ageSeconds", old."takenOver"`;
  const { sendable, reported } = await withoutUnreadEvidence(tx, claimed);
  const busy = await tx.sql<{ id: string }>`
    SELECT id FROM "Message" WHERE id = ANY(${messageIds}::text[]) AND status = 'pending' AND "claimedAt" IS NOT NULL
      AND NOT (id = ANY(${claimed.map((m) => m.id)}::text[]))`;
  return { claimed: sendable, busy: [...busy.map((m) => m.id), ...reported] };
}

/**
 * A message tried before (its worker died mid-send, its record failed, it timed out) may have gone
 * out: if a webhook delivery not yet processed mentions it (our id rides in every status), it did,
 * and that delivery's job will say so. Such a message is handed back as busy instead of sent
 * again. Only retries pay for the look, over unprocessed deliveries alone.
 */
async function withoutUnreadEvidence(tx: Tx, claimed: (Claimed & { takenOver: boolean })[]): Promise<{ sendable: Claimed[]; reported: string[] }> {
  const takenOver = claimed.filter((m) => m.takenOver).map((m) => m.id);
  if (takenOver.length === 0) return { sendable: claimed, reported: [] };
  const rows = await tx.sql<{ id: string }>`
    SELECT id FROM unnest(${takenOver}::text[]) AS id
    WHERE EXISTS (SELECT 1 FROM "WebhookEvent" e WHERE e."processedAt" IS NULL AND strpos(e.body::text, id) > 0)`;
  const reported = new Set(rows.map((r) => r.id));
  if (reported.size > 0) {
    await tx.sql`UPDATE "Message" SET "claimedAt" = clock_timestamp() - make_interval(secs => ${SEND_LEASE_SECONDS}) WHERE id = ANY(${[...reported]}::text[])`;
  }
  return { sendable: claimed.filter((m) => !reported.has(m.id)), reported: [...reported] };
}

/** Sends a workspace's claimed messages in parallel, each at its reserved slot of the number's pace. */
async function sendAll(config: WhatsappConfig, messages: Claimed[]): Promise<SendResult[]> {
  const slots = await reserveSendSlots(config.phoneNumberId, config.messagesPerSecond, messages.length);
  return Promise.all(messages.map(async (message, i) => {
    const delay = slots[i] ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const body = messageBody(message, {
        text: message.text,
        buttons: buttonsSchema.parse(message.buttons) ?? undefined,
        template: templateSchema.parse(message.template) ?? undefined,
      }, message.id);
      return await postMessage(config, body, message.idempotencyKey ?? message.id, message.attempts);
    } catch (error) {
      return { kind: "refused", reason: error instanceof Error ? error.message : String(error), code: null } satisfies SendResult;
    }
  }));
}

type Outcome = { message: Claimed; result: SendResult };

/**
 * Once Meta has answered, forgetting the answer is what would send a message twice: a record
 * that fails (the database restarting) is tried again here, for most of the claim's lease, before
 * the job gives up and the claim is left to expire.
 */
async function recordPersistently(messages: Claimed[], results: SendResult[]): Promise<void> {
  const deadline = Date.now() + SEND_LEASE_SECONDS * 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await record(messages, results);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      log.warn({ sends: messages.length, attempt, err: errorText(error) }, "recording sends failed; trying again");
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}

/** Writes what each send came to: Meta's id, a retry due later, or a failure with Meta's words. */
async function record(messages: Claimed[], results: SendResult[]): Promise<void> {
  const outcomes: Outcome[] = messages.map((message, i) => ({ message, result: giveUpWhenLate(message, results[i] ?? notConfigured) }));
  await withTx(async (tx) => {
    await recordSent(tx, outcomes);
    await scheduleRetries(tx, outcomes);
  });
  const refused = outcomes.filter((o) => o.result.kind === "refused");
  for (const kind of ["sent", "retry", "refused"] as const) countSend(kind === "retry" ? "retried" : kind === "refused" ? "failed" : "sent", outcomes.filter((o) => o.result.kind === kind).length);
  for (const { message, result } of outcomes) {
    if (result.kind !== "sent") logFor({ messageId: message.id, runId: message.runId ?? undefined }).warn({ outcome: result.kind, reason: result.reason, code: result.code, attempt: message.attempts }, "send not accepted");
  }
  if (refused.length > 0) await withTx((tx) => recordRefused(tx, refused));
}

function giveUpWhenLate(message: Claimed, result: SendResult): SendResult {
  if (result.kind !== "retry" || message.ageSeconds < GIVE_UP_SECONDS) return result;
  return { kind: "refused", reason: `Not sent after ${message.attempts} attempts over ${Math.round(message.ageSeconds / 60)} minutes: ${result.reason}`, code: result.code };
}

async function recordSent(tx: Tx, outcomes: Outcome[]): Promise<void> {
  const sent = outcomes.flatMap(({ message, result }) => (result.kind === "sent" ? [{ id: message.id, wamid: result.wamid }] : []));
  if (sent.length === 0) return;
  // A status webhook may have come first (it carries our id): never move a status backwards.
  const changed = await tx.sql<MessageChange>`
    UPDATE "Message" m SET "providerMessageId" = COALESCE(m."providerMessageId", x.wamid), "claimedAt" = NULL,
      status = CASE WHEN m.status = 'pending' THEN 'sent' ELSE m.status END, error = NULL, "errorCode" = NULL
    FROM json_to_recordset(${JSON.stringify(sent)}::json) AS x(id text, wamid text)
    WHERE m.id = x.id
    RETURNING m."workspaceId", m."contactId"`;
  await notifyMessages(tx, changed);
}

async function scheduleRetries(tx: Tx, outcomes: Outcome[]): Promise<void> {
  const retries = outcomes.flatMap(({ message, result }) =>
    (result.kind === "retry"
      ? [{ id: message.id, claimedAt: message.claimedAt, afterSeconds: result.inDoubt ? Math.max(result.afterSeconds, DOUBT_SECONDS) : result.afterSeconds, error: result.reason, code: result.code }]
      : []));
  if (retries.length === 0) return;
  // Guarded by our claim: a worker that took an expired claim over owns the message now.
  const due = await tx.sql<{ id: string; at: Date }>`
    UPDATE "Message" m SET "claimedAt" = NULL, "nextAttemptAt" = clock_timestamp() + make_interval(secs => x."afterSeconds"),
      error = x.error, "errorCode" = x.code
    FROM json_to_recordset(${JSON.stringify(retries)}::json) AS x(id text, "claimedAt" timestamptz, "afterSeconds" float8, error text, code int)
    WHERE m.id = x.id AND m.status = 'pending' AND m."claimedAt" = x."claimedAt"
    RETURNING m.id, m."nextAttemptAt" AS at`;
  await enqueueSends(tx, due, false);
}

async function recordRefused(tx: Tx, outcomes: Outcome[]): Promise<void> {
  const refused = outcomes.flatMap(({ message, result }) => (result.kind === "refused" ? [{ id: message.id, error: result.reason, code: result.code }] : []));
  const failed = await tx.sql<{ id: string; runId: string | null; error: string } & MessageChange>`
    UPDATE "Message" m SET status = 'failed', error = x.error, "errorCode" = x.code, "claimedAt" = NULL, "statusAt" = clock_timestamp()
    FROM json_to_recordset(${JSON.stringify(refused)}::json) AS x(id text, error text, code int)
    WHERE m.id = x.id AND m.status = 'pending'
    RETURNING m.id, m."runId", m.error, m."workspaceId", m."contactId"`;
  await notifyMessages(tx, failed);
  await handleDeliveryFailures(tx, failed.map((m) => ({ messageId: m.id, runId: m.runId, reason: m.error, refused: true })));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
