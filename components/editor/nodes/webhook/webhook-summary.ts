import { describeTarget } from "@/lib/flow/webhook-target";
import { webhookConfig } from "@/lib/flow/nodes/webhook";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

const missingByPath: Record<string, string> = {
  method: "Choose a method",
  url: "Enter a valid URL",
  headers: "Fix the headers",
  body: "Fix the body",
  timeoutSeconds: "Fix the timeout",
  retries: "Fix the retries",
  saveResponse: "Fix the saved fields",
};

export type WebhookWords = Words & { details?: string[] };

/** "POST api.shop.com/orders", with "3 tries" and the fields it saves as details. */
export function webhookSummary(data: NodeConfig): WebhookWords {
  const parsed = webhookConfig.safeParse(data);
  if (!parsed.success) {
    const [first] = firstIssuePath(parsed.error);
    return { missing: (typeof first === "string" && missingByPath[first]) || "Fix the request" };
  }
  const { method, url, retries, saveResponse } = parsed.data;
  const saved = Object.keys(saveResponse ?? {});
  const details = [
    retries > 0 ? `${retries + 1} tries` : null,
    saved.length > 0 ? `saves ${saved.join(", ")}` : null,
  ].filter((detail): detail is string => detail !== null);
  return { text: describeTarget(method, url), details };
}
