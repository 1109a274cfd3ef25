import type { MetaError } from "./payloads.ts";

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);
const invalid = (details: string): MetaError => ({ code: 100, title: "Invalid parameter", details });

/** The checks Meta makes on POST /{phone-number-id}/messages that matter to us; null when valid. */
export function validateSend(body: unknown): MetaError | null {
  if (!isObject(body)) return invalid("The request body must be a JSON object");
  if (body.messaging_product !== "whatsapp") return invalid("messaging_product must be whatsapp");
  const hasTo = typeof body.to === "string", hasRecipient = typeof body.recipient === "string";
  if (hasTo === hasRecipient) return invalid("Give exactly one of to or recipient");
  if (hasTo && !/^\+?\d{8,15}$/.test(body.to as string)) return invalid("to must be a phone number");
  switch (body.type) {
    case "text": {
      const text = isObject(body.text) ? body.text.body : undefined;
      return typeof text === "string" && text.length >= 1 && text.length <= 4096 ? null : invalid("text.body must be 1-4096 characters");
    }
    case "template": {
      const template = isObject(body.template) ? body.template : {};
      const language = isObject(template.language) ? template.language.code : undefined;
      return typeof template.name === "string" && typeof language === "string" ? null : invalid("template.name and template.language.code are required");
    }
    case "interactive": {
      const interactive = isObject(body.interactive) ? body.interactive : {};
      const text = isObject(interactive.body) ? interactive.body.text : undefined;
      const buttons = isObject(interactive.action) ? interactive.action.buttons : undefined;
      if (interactive.type !== "button" || typeof text !== "string") return invalid("interactive.type button with a body.text is required");
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return invalid("1 to 3 reply buttons");
      const ok = buttons.every((b: unknown) => isObject(b) && isObject(b.reply) && typeof b.reply.id === "string" && b.reply.id.length <= 256
        && typeof b.reply.title === "string" && b.reply.title.length >= 1 && b.reply.title.length <= 20);
      return ok ? null : invalid("Each button needs an id (at most 256) and a title of 1-20 characters");
    }
    default:
      return invalid("type must be text, template or interactive");
  }
}
