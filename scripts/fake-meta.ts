import { startFakeGraphApi } from "./fake-meta/server.ts";

/**
 * `npm run fake-meta`: the fake Graph API for a local demo. Start it, then `npm start` with the
 * environment it prints; sends show here, statuses go back to the app, and a contact's reply is
 * one curl away (POST /_fake/inbound).
 */
const port = Number(process.env.FAKE_META_PORT ?? 4010);
const accessToken = process.env.WHATSAPP_ACCESS_TOKEN ?? "fake-token";
const appSecret = process.env.WHATSAPP_APP_SECRET ?? "fake-secret";
const webhookUrl = process.env.FAKE_META_WEBHOOK_URL ?? "http://localhost:3000/api/webhooks/whatsapp";
const meta = await startFakeGraphApi({ port, accessToken, appSecret, webhookUrl, autoStatuses: ["sent", "delivered", "read"], statusDelayMs: 1_000, log: (line) => console.log(`[fake-meta] ${line}`) });

console.log(`Fake Graph API on ${meta.url}; statuses and replies go to ${webhookUrl}.
Run Replyflow with:
  WHATSAPP_API_BASE=${meta.url} WHATSAPP_PHONE_NUMBER_ID=1234567890 WHATSAPP_ACCESS_TOKEN=${accessToken} WHATSAPP_APP_SECRET=${appSecret} npm start
A contact replies (text, or a button press):
  curl -X POST http://127.0.0.1:${port}/_fake/inbound -d '{"from": "393331234567", "text": "Yes"}'
  curl -X POST http://127.0.0.1:${port}/_fake/inbound -d '{"from": "393331234567", "buttonReply": {"id": "yes", "title": "Yes"}}'
Make Meta misbehave: POST /_fake/mode with {"kind": "error", "status": 429, "code": 130429} | {"kind": "hang"} | {"kind": "slow", "delayMs": 2000} | {"kind": "ok"}; GET /_fake/sends lists what was sent.`);

const stop = () => void meta.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
