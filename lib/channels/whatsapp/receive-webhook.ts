import { parseBody } from "../../api/read-json.ts";
import { zodIssues } from "../../api/zod-issues.ts";
import { AppError } from "../../errors.ts";
import { DEFAULT_WORKSPACE_ID } from "../../workspace.ts";
import { webhookSecrets } from "./config.ts";
import { validSignature } from "./signature.ts";
import { storeWebhookEvent } from "./webhook-inbox.ts";
import { whatsappWebhookSchema } from "./webhook-payload.ts";

/**
 * A delivery of Meta's webhook: the signature checked over the raw bytes (when an app secret is
 * configured), the payload checked, then stored and queued; the replies and statuses in it are
 * processed by a job (webhook-inbox.ts), so Meta gets its 200 in milliseconds.
 */
export async function receiveWhatsappWebhook(raw: Buffer, signature: string | null): Promise<{ duplicate: boolean }> {
  const { appSecret } = await webhookSecrets(DEFAULT_WORKSPACE_ID);
  if (appSecret && !validSignature(raw, signature, appSecret)) throw new AppError("unauthorized", "Invalid webhook signature");
  const parsed = whatsappWebhookSchema.safeParse(parseBody(raw.toString("utf8")));
  if (!parsed.success) throw new AppError("bad_request", "Not a WhatsApp webhook payload", zodIssues(parsed.error));
  return storeWebhookEvent(raw, parsed.data);
}
