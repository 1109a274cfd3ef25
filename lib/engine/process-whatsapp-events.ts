import { inboundItems, statusItems, whatsappWebhookSchema } from "../channels/whatsapp/webhook-payload.ts";
import { WHATSAPP_CHANNEL } from "../channels/outbound.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { applyStatuses } from "./apply-statuses.ts";
import { receiveInbound } from "./receive-inbound.ts";
import { withTx } from "./with-tx.ts";

/**
 * Body of the whatsapp-event jobs: the replies of a stored webhook delivery feed Customer
 * Response (each once: they dedupe on Meta's message id), then its statuses are applied; the
 * event is marked processed at the end. Safe to run twice, and in any order with other events.
 */
export async function processWhatsappEvents(eventIds: string[]): Promise<Map<string, unknown>> {
  const failed = new Map<string, unknown>();
  for (const id of eventIds) {
    try {
      await processEvent(id);
    } catch (error) {
      failed.set(id, error);
    }
  }
  return failed;
}

async function processEvent(id: string): Promise<void> {
  const [event] = await withTx((tx) => tx.sql<{ body: unknown }>`SELECT body FROM "WebhookEvent" WHERE id = ${id} AND "processedAt" IS NULL`);
  if (!event) return;
  const parsed = whatsappWebhookSchema.safeParse(event.body);
  if (!parsed.success) {
    // Checked at the door already; a stored body that no longer parses is dropped, and said so.
    console.error(`[whatsapp] webhook event ${id} no longer parses; dropped`, parsed.error.issues);
    return markProcessed(id);
  }
  for (const item of inboundItems(parsed.data)) {
    await receiveInbound({ from: item.phone, waUserId: item.waUserId, name: item.name, text: item.text, buttonId: item.buttonId, providerMessageId: item.providerMessageId, channel: WHATSAPP_CHANNEL });
  }
  const statuses = statusItems(parsed.data);
  if (statuses.length > 0) await withTx((tx) => applyStatuses(tx, DEFAULT_WORKSPACE_ID, statuses));
  await markProcessed(id);
}

async function markProcessed(id: string): Promise<void> {
  await withTx((tx) => tx.sql`UPDATE "WebhookEvent" SET "processedAt" = clock_timestamp() WHERE id = ${id}`);
}
