import { afterAll, beforeAll } from "vitest";
import { startFakeGraphApi, type FakeGraphApiOptions, type FakeGraphApi } from "../../scripts/fake-meta/server.ts";
import { freePort } from "./free-port.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

const TOKEN = "fake-token";
const SECRET = "fake-secret";

/**
 * The fake Graph API for a test file, on a port known before the workers start (their
 * environment names it), posting its webhooks to the app's receiving function. `env` is the
 * WhatsApp environment for setupTestEnvironment; `meta()` the fake, once beforeAll has run.
 */
export async function fakeMeta(phoneNumberId: string, options: Omit<FakeGraphApiOptions, "port" | "webhookUrl"> = {}) {
  const port = await freePort();
  const env = {
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_API_BASE: `http://127.0.0.1:${port}/v26.0`,
  };
  let meta: FakeGraphApi | undefined;
  let close = async () => {};
  beforeAll(async () => {
    const receiver = await startWebhookReceiver();
    meta = await startFakeGraphApi({ accessToken: TOKEN, appSecret: SECRET, ...options, port, webhookUrl: receiver.url });
    close = async () => {
      await meta?.close();
      await receiver.close();
    };
  });
  afterAll(() => close());
  return {
    env,
    meta: () => {
      if (!meta) throw new Error("The fake Graph API starts in beforeAll");
      return meta;
    },
  };
}
