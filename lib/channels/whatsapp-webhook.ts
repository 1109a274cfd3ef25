import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors.ts";

/** The part of Meta's WhatsApp Cloud API webhook payload we use: text messages from contacts. */
export const whatsappWebhookSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          value: z.object({
            messages: z
              .array(
                z.object({
                  from: z.string().regex(/^\d{8,15}$/),
                  id: z.string().min(1),
                  type: z.string(),
                  text: z.object({ body: z.string() }).optional(),
                }),
              )
              .optional(),
          }),
        }),
      ),
    }),
  ),
});

export type WhatsappInbound = { from: string; text: string; providerMessageId: string };

export function inboundMessages(payload: z.infer<typeof whatsappWebhookSchema>): WhatsappInbound[] {
  return payload.entry.flatMap((entry) =>
    entry.changes.flatMap((change) =>
      (change.value.messages ?? []).flatMap((m) =>
        // Only text for now; media, buttons and statuses come with the full channel.
        m.type === "text" && m.text ? [{ from: `+${m.from}`, text: m.text.body, providerMessageId: m.id }] : [],
      ),
    ),
  );
}

/** Checks Meta's X-Hub-Signature-256 header (HMAC-SHA256 of the raw body with the app secret). */
export function verifySignature(rawBody: string, header: string | null, appSecret: string): void {
  const expected = `sha256=${createHmac("sha256", appSecret).update(rawBody, "utf8").digest("hex")}`;
  const given = Buffer.from(header ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw new AppError("unauthorized", "Invalid webhook signature");
  }
}
