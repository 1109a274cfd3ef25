import { createServer } from "node:http";
import { receiveWhatsappWebhook } from "../../lib/channels/whatsapp/receive-webhook.ts";
import { AppError } from "../../lib/errors.ts";

export type WebhookReceiver = { url: string; received: number; close: () => Promise<void> };

/**
 * The app's WhatsApp webhook without Next.js: a real HTTP server in the test process that hands
 * each delivery, as raw bytes, to the same function the route calls.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { url: "", received: 0, close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.received += 1;
      receiveWhatsappWebhook(Buffer.concat(chunks), request.headers["x-hub-signature-256"]?.toString() ?? null).then(
        () => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
        (error: unknown) => response.writeHead(error instanceof AppError ? 400 : 500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Receiver is not on TCP");
  receiver.url = `http://127.0.0.1:${address.port}/api/webhooks/whatsapp`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
