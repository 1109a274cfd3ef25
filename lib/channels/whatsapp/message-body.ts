import type { OutboundSend } from "../../engine/decision.ts";

/** Who a send goes to: the phone (E.164, sent as digits), else Meta's business-scoped user id. */
export type Recipient = { phone: string | null; waUserId: string | null };

/**
 * The Graph API body of one send. `callbackData` (our message id) comes back in every status
 * webhook as biz_opaque_callback_data, so a status finds its message even before the send's
 * answer was recorded, or when a worker died between the two.
 */
export function messageBody(recipient: Recipient, send: OutboundSend, callbackData: string): Record<string, unknown> {
  const to = recipient.phone ? { to: recipient.phone.replace(/^\+/, "") } : recipient.waUserId ? { recipient: recipient.waUserId } : null;
  if (!to) throw new Error("The contact has neither a phone number nor a WhatsApp user id");
  return { messaging_product: "whatsapp", recipient_type: "individual", ...to, biz_opaque_callback_data: callbackData, ...content(send) };
}

function content({ text, buttons, template }: OutboundSend): Record<string, unknown> {
  if (template) {
    const components: Record<string, unknown>[] = [];
    if (template.params.length > 0) components.push({ type: "body", parameters: template.params.map((p) => ({ type: "text", text: p })) });
    // A template's quick-reply buttons are fixed at approval; the payload we give each comes back
    // on a tap, so the tap matches the node's button by id.
    (buttons ?? []).forEach((button, index) =>
      components.push({ type: "button", sub_type: "quick_reply", index: String(index), parameters: [{ type: "payload", payload: button.id }] }));
    return { type: "template", template: { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) } };
  }
  if (buttons?.length) {
    return {
      type: "interactive",
      interactive: {
        type: "button",
        body: { text },
        action: { buttons: buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })) },
      },
    };
  }
  return { type: "text", text: { body: text, preview_url: false } };
}
