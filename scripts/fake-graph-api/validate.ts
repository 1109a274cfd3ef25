import { z } from "zod";
import { invalidParameter, type MetaError } from "./errors.ts";

/**
 * The checks Meta makes on `POST /{phone-number-id}/messages` that a client can get wrong
 * (LIBRARIES.md): a send the real API would refuse is refused here too, with code 100.
 */
const base = {
  messaging_product: z.literal("whatsapp", { error: "messaging_product must be \"whatsapp\"" }),
  to: z.string().regex(/^\+?\d{8,15}$/, "to must be a phone number of 8-15 digits").optional(),
  recipient: z.string().min(1, "recipient must be a user id").max(256).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};
const text = z.object({ ...base, type: z.literal("text"), text: z.object({ body: z.string().min(1).max(4096) }) });
const template = z.object({
  ...base,
  type: z.literal("template"),
  template: z.object({
    name: z.string().min(1),
    language: z.object({ code: z.string().min(1) }),
    components: z.array(z.object({ type: z.string(), parameters: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional() })).optional(),
  }),
});
const button = z.object({ type: z.literal("reply"), reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) });
const interactive = z.object({
  ...base,
  type: z.literal("interactive"),
  interactive: z.object({
    type: z.literal("button"),
    body: z.object({ text: z.string().min(1).max(1024) }),
    action: z.object({ buttons: z.array(button).min(1).max(3) }),
  }),
});
const sendSchema = z.discriminatedUnion("type", [text, template, interactive], { error: "type must be text, template or interactive" });
export type SendBody = z.infer<typeof sendSchema>;

export function validateSend(body: unknown): { ok: true; send: SendBody } | { ok: false; error: MetaError } {
  const parsed = sendSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: invalidParameter(issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "Invalid body") };
  }
  // zod cannot say "exactly one of"; Meta refuses both and neither.
  if ((parsed.data.to === undefined) === (parsed.data.recipient === undefined)) {
    return { ok: false, error: invalidParameter("Give exactly one of to (a phone number) or recipient (a user id)") };
  }
  return { ok: true, send: parsed.data };
}
