import { z } from "zod";
import { whatsappWebhookSchema } from "../../channels/whatsapp/webhook-payload.ts";
import { mebibytes } from "./common-errors.ts";
import { MAX_BODY_BYTES } from "../read-json.ts";
import type { RouteEntry } from "./route-entry.ts";

/** Meta's verification request; the route reads these by hand (app/api/webhooks/whatsapp/route.ts). */
const verifyQuery = z.object({
  "hub.mode": z.literal("subscribe"),
  "hub.verify_token": z.string().meta({ description: "Must equal the configured verify token" }),
  "hub.challenge": z.string().meta({ description: "Echoed back as the body" }),
});

export const webhookRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/webhooks/whatsapp",
    tag: "Webhooks",
    summary: "Verify the WhatsApp webhook",
    description: "Meta's subscription handshake: answers `hub.challenge` when `hub.verify_token` matches. Called by Meta, not by you.",
    permission: "public",
    params: { query: verifyQuery },
    responses: { 200: { description: "The challenge, as plain text", schema: z.string(), contentType: "text/plain" } },
    errors: { 403: "No verify token is configured, or it does not match" },
  },
  {
    method: "post",
    path: "/api/webhooks/whatsapp",
    tag: "Webhooks",
    summary: "Receive a WhatsApp webhook delivery",
    description:
      "Meta's WhatsApp Cloud API webhook: replies and delivery statuses. Stored and queued, then answered at once; a repeated delivery is recognised. When an app secret is configured, `X-Hub-Signature-256` (HMAC-SHA256 of the raw body) must match.",
    permission: "public",
    params: { header: z.object({ "x-hub-signature-256": z.string().optional().meta({ description: "`sha256=<hex HMAC-SHA256(app secret, raw body)>`" }) }) },
    body: { schema: whatsappWebhookSchema.meta({ id: "WhatsappWebhookPayload" }) },
    responses: { 200: { description: "Accepted", schema: z.object({ ok: z.literal(true) }) } },
    errors: {
      400: "Malformed JSON, or not a WhatsApp webhook payload",
      401: "The signature is missing or does not match the app secret",
      413: `The body is larger than ${mebibytes(MAX_BODY_BYTES)}`,
    },
  },
];
