import { createHash } from "node:crypto";
import { enqueueWebhookEvents } from "../../engine/enqueue.ts";
import { withTx } from "../../engine/with-tx.ts";
import type { WhatsappWebhook } from "./webhook-payload.ts";

/**
 * Stores a delivery of Meta's webhook as received and queues its processing, in one transaction:
 * the webhook answers in milliseconds and nothing is lost if the web process dies right after.
 * A byte-identical delivery (Meta retries for hours, or a replay) is stored once; the items in
 * it are idempotent too (messages dedupe on their id, statuses never move backwards).
 */
export async function storeWebhookEvent(raw: Buffer, body: WhatsappWebhook): Promise<{ duplicate: boolean }> {
  const bodyHash = createHash("sha256").update(raw).digest("hex");
  return withTx(async (tx) => {
    const [stored] = await tx.sql<{ id: string }>`
      INSERT INTO "WebhookEvent" (id, "bodyHash", body) VALUES (gen_random_uuid()::text, ${bodyHash}, ${JSON.stringify(body)}::jsonb)
      ON CONFLICT ("bodyHash") DO NOTHING RETURNING id`;
    if (!stored) return { duplicate: true };
    await enqueueWebhookEvents(tx, [stored.id]);
    return { duplicate: false };
  });
}
