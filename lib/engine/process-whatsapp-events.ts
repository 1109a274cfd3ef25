import { logFor } from "../log.ts";
import { inboundItems, statusItems, whatsappWebhookSchema, type InboundItem, type StatusItem } from "../channels/whatsapp/webhook-payload.ts";
import { WHATSAPP_CHANNEL } from "../channels/outbound.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { applyStatuses } from "./apply-statuses.ts";
import { receiveInbound } from "./receive-inbound.ts";
import { withTx } from "./with-tx.ts";

/**
 * Body of the whatsapp-event jobs, a batch of stored webhook deliveries at a time: each reply
 * feeds Customer Response (once: replies dedupe on Meta's message id), then the batch's statuses
 * are applied in one transaction (statuses are what a campaign brings by the thousand), then the
 * deliveries are marked processed. Safe to run twice, and in any order with other batches.
 */
export async function processWhatsappEvents(eventIds: string[]): Promise<Map<string, unknown>> {
  const failed = new Map<string, unknown>();
  const events = await withTx((tx) => tx.sql<{ id: string; body: unknown }>`
    SELECT id, body FROM "WebhookEvent" WHERE id = ANY(${eventIds}::text[]) AND "processedAt" IS NULL ORDER BY "receivedAt"`);
  const done: string[] = [];
  const statuses: { eventId: string; items: StatusItem[] }[] = [];
  for (const event of events) {
    const parsed = whatsappWebhookSchema.safeParse(event.body);
    if (!parsed.success) {
      // Checked at the door already; a stored body that no longer parses is dropped, and said so.
      logFor({ eventId: event.id }).error({ issues: parsed.error.issues }, "stored webhook event no longer parses; dropped");
      done.push(event.id);
      continue;
    }
    try {
      for (const item of inboundItems(parsed.data)) await receive(item);
      statuses.push({ eventId: event.id, items: statusItems(parsed.data) });
    } catch (error) {
      failed.set(event.id, error);
    }
  }
  try {
    await withTx((tx) => applyStatuses(tx, DEFAULT_WORKSPACE_ID, statuses.flatMap((s) => s.items)));
    done.push(...statuses.map((s) => s.eventId));
  } catch (error) {
    for (const { eventId } of statuses) failed.set(eventId, error);
  }
  if (done.length > 0) await withTx((tx) => tx.sql`UPDATE "WebhookEvent" SET "processedAt" = clock_timestamp() WHERE id = ANY(${done}::text[])`);
  return failed;
}

const receive = (item: InboundItem) =>
  receiveInbound({ from: item.phone, waUserId: item.waUserId, name: item.name, text: item.text, buttonId: item.buttonId, providerMessageId: item.providerMessageId, channel: WHATSAPP_CHANNEL });
