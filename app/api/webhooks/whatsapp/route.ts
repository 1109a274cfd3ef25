import { readBytes } from "@/lib/api/read-json";
import { publicRoute } from "@/lib/api/route";
import { webhookSecrets } from "@/lib/channels/whatsapp/config";
import { receiveWhatsappWebhook } from "@/lib/channels/whatsapp/receive-webhook";
import { sameSecret } from "@/lib/channels/whatsapp/signature";
import { observeWebhookRequest } from "@/lib/metrics/record";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspace";

/** Meta's verification handshake: echo the challenge when the verify token matches. */
export const GET = publicRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const { verifyToken } = await webhookSecrets(DEFAULT_WORKSPACE_ID);
  const given = params.get("hub.verify_token");
  if (!verifyToken || params.get("hub.mode") !== "subscribe" || given === null || !sameSecret(given, verifyToken)) {
    return Response.json({ error: "Verification failed" }, { status: 403 });
  }
  return new Response(params.get("hub.challenge") ?? "", { status: 200 });
});

/** A delivery of Meta's webhook: checked, stored and queued (receive-webhook.ts). */
export const POST = publicRoute(async (request) => {
  const started = performance.now();
  let outcome = "refused";
  try {
    const { duplicate } = await receiveWhatsappWebhook(await readBytes(request), request.headers.get("x-hub-signature-256"));
    outcome = duplicate ? "duplicate" : "stored";
  } finally {
    observeWebhookRequest((performance.now() - started) / 1000, outcome);
  }
  return Response.json({ ok: true });
});
