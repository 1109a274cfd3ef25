import { z } from "zod";
import { fieldKeySchema } from "../field-key.ts";
import { defineNode } from "../node-definition.ts";
import { parseTemplate } from "../template.ts";
import { templatedText } from "../templated-text.ts";

export const webhookMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const MAX_WEBHOOK_BODY = 10_000;

/** Headers the HTTP client sets itself, or that would break the request. */
const RESERVED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "idempotency-key"]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
/** `order.id`, `items.0.sku`: dot-separated keys or indexes. */
const JSON_PATH = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+){0,19}$/;

/** The URL with its dynamic fields replaced by a placeholder, so its shape can be checked before any run. */
const withPlaceholders = (url: string) =>
  parseTemplate(url).map((token) => (token.type === "text" ? token.text : "x")).join("");

const urlSchema = templatedText(2000)
  .pipe(z.string().min(1, "Enter the URL to call"))
  .refine(
    (url) => {
      if (!/^https?:\/\//i.test(url)) return false;
      try {
        return ["http:", "https:"].includes(new URL(withPlaceholders(url)).protocol);
      } catch {
        return false;
      }
    },
    { message: "Use an http:// or https:// URL" },
  );

export const webhookConfig = z.object({
  method: z.enum(webhookMethods),
  url: urlSchema,
  headers: z
    .record(z.string(), templatedText(2000))
    .superRefine((headers, ctx) => {
      for (const name of Object.keys(headers)) {
        if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid header name` });
        else if (RESERVED_HEADERS.has(name.toLowerCase())) ctx.addIssue({ code: "custom", path: [name], message: `The ${name} header is set by Replyflow` });
      }
      if (Object.keys(headers).length > 20) ctx.addIssue({ code: "custom", message: "At most 20 headers" });
    })
    .optional(),
  body: templatedText(MAX_WEBHOOK_BODY).optional(),
  timeoutSeconds: z.number().int("Use a whole number").min(1, "Between 1 and 30 seconds").max(30, "Between 1 and 30 seconds").default(10),
  retries: z.number().int("Use a whole number").min(0, "Between 0 and 5 retries").max(5, "Between 0 and 5 retries").default(2),
  /** Contact field ← dot path in the JSON response. */
  saveResponse: z
    .record(fieldKeySchema, z.string().trim().regex(JSON_PATH, "Use a dot path such as order.id or items.0.sku"))
    .refine((map) => Object.keys(map).length <= 20, "At most 20 fields")
    .optional(),
});
export type WebhookConfig = z.infer<typeof webhookConfig>;

export const webhook = defineNode({
  type: "webhook",
  label: "Webhook",
  description: "Calls your shop's or CRM's HTTP API, retrying on failure; Success on a 2xx answer, else Failure.",
  category: "Integrations",
  config: webhookConfig,
  defaults: { method: "POST", url: "https://api.example.com/orders", body: '{"phone": "{{contact.phone}}"}', timeoutSeconds: 10, retries: 2 },
  outputs: [
    { id: "success", label: "Success", required: true },
    { id: "failure", label: "Failure", required: false },
  ],
  acceptsInput: true,
});
