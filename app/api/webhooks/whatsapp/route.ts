import { parseBody, readText } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { zodIssues } from "@/lib/api/zod-issues";
import { inboundMessages, verifySignature, whatsappWebhookSchema } from "@/lib/channels/whatsapp-webhook";
import { receiveInbound } from "@/lib/engine/receive-inbound";
import { AppError } from "@/lib/errors";

/** Meta's verification handshake: echo the challenge when the verify token matches. */
export const GET = route(async (request) => {
  const params = new URL(request.url).searchParams;
  const token = process.env.WHATSAPP_VERIFY_TOKEN;
  if (!token || params.get("hub.mode") !== "subscribe" || params.get("hub.verify_token") !== token) {
    return Response.json({ error: "Verification failed" }, { status: 403 });
  }
  return new Response(params.get("hub.challenge") ?? "", { status: 200 });
});

export const POST = route(async (request) => {
  const raw = await readText(request);
  const secret = process.env.WHATSAPP_APP_SECRET;
  if (secret) verifySignature(raw, request.headers.get("x-hub-signature-256"), secret);
  const parsed = whatsappWebhookSchema.safeParse(parseBody(raw));
  if (!parsed.success) throw new AppError("bad_request", "Not a WhatsApp webhook payload", zodIssues(parsed.error));
  for (const message of inboundMessages(parsed.data)) await receiveInbound({ ...message, channel: "whatsapp" });
  return Response.json({ ok: true });
});
