import { z } from "zod";

/**
 * The parts of Meta's webhook payload we use (LIBRARIES.md): messages from contacts (text, button
 * and interactive replies, anything else as a placeholder) and statuses of our messages.
 * Unknown fields are ignored; a payload that is not a WhatsApp webhook at all is refused.
 */
const errorSchema = z.object({
  code: z.number().int().optional(),
  title: z.string().max(1000).optional(),
  message: z.string().max(1000).optional(),
  error_data: z.object({ details: z.string().max(2000).optional() }).optional(),
});
export type MetaWebhookError = z.infer<typeof errorSchema>;

const digits = z.string().regex(/^\d{6,15}$/);
const userId = z.string().min(1).max(128);

const messageSchema = z.object({
  from: digits.optional(),
  from_user_id: userId.optional(),
  id: z.string().min(1).max(256),
  timestamp: z.string().max(20).optional(),
  type: z.string().max(50),
  text: z.object({ body: z.string().max(65_536) }).optional(),
  button: z.object({ payload: z.string().max(1000).optional(), text: z.string().max(1000) }).optional(),
  interactive: z
    .object({
      type: z.string().max(50),
      button_reply: z.object({ id: z.string().max(256), title: z.string().max(100) }).optional(),
      list_reply: z.object({ id: z.string().max(256), title: z.string().max(100) }).optional(),
    })
    .optional(),
  image: z.object({ caption: z.string().max(4096).optional() }).optional(),
  video: z.object({ caption: z.string().max(4096).optional() }).optional(),
  document: z.object({ caption: z.string().max(4096).optional(), filename: z.string().max(1000).optional() }).optional(),
});

export const statusValues = ["sent", "delivered", "read", "failed"] as const;
export type StatusValue = (typeof statusValues)[number];

const statusSchema = z.object({
  id: z.string().min(1).max(256),
  // Meta adds statuses over time (e.g. "deleted", "warning"): kept out, not refused.
  status: z.string().max(50),
  timestamp: z.string().regex(/^\d{1,12}$/).optional(),
  recipient_id: z.string().max(64).optional(),
  recipient_user_id: userId.optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z.array(errorSchema).max(10).optional(),
});

const contactSchema = z.object({
  wa_id: digits.optional(),
  user_id: userId.optional(),
  profile: z.object({ name: z.string().max(256).optional() }).optional(),
});

export const whatsappWebhookSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string().optional(),
          value: z.object({
            metadata: z.object({ phone_number_id: z.string().optional() }).optional(),
            contacts: z.array(contactSchema).max(100).optional(),
            messages: z.array(messageSchema).max(1000).optional(),
            statuses: z.array(statusSchema).max(1000).optional(),
          }),
        }),
      ).max(100),
    }),
  ).max(100),
});
export type WhatsappWebhook = z.infer<typeof whatsappWebhookSchema>;

/** A reply from a contact: by phone, or by business-scoped user id alone (users with a username). */
export type InboundItem = { phone: string | null; waUserId: string | null; name: string | null; text: string; buttonId?: string; providerMessageId: string };
export type StatusItem = { wamid: string; status: StatusValue; at: Date | null; callbackData: string | null; error: MetaWebhookError | null };

export function inboundItems(payload: WhatsappWebhook): InboundItem[] {
  return payload.entry.flatMap((entry) => entry.changes.flatMap(({ value }) => (value.messages ?? []).flatMap((m) => {
    const contact = value.contacts?.find((c) => (m.from && c.wa_id === m.from) || (m.from_user_id && c.user_id === m.from_user_id)) ?? (value.contacts?.length === 1 ? value.contacts[0] : undefined);
    const phone = m.from ?? contact?.wa_id;
    const waUserId = m.from_user_id ?? contact?.user_id ?? null;
    if (!phone && !waUserId) return [];
    return [{ phone: phone ? `+${phone}` : null, waUserId, name: contact?.profile?.name ?? null, providerMessageId: m.id, ...replyOf(m) }];
  })));
}

/** What a message says, and the button it pressed: a quick reply's payload or a button reply's id. */
function replyOf(m: z.infer<typeof messageSchema>): { text: string; buttonId?: string } {
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (reply) return { text: reply.title, buttonId: reply.id };
  if (m.button) return { text: m.button.text, ...(m.button.payload ? { buttonId: m.button.payload } : {}) };
  if (m.text) return { text: m.text.body };
  const caption = m.image?.caption ?? m.video?.caption ?? m.document?.caption;
  // Media and other kinds still count as a reply; the conversation shows what came.
  return { text: caption ? `[${m.type}] ${caption}` : `[${m.type}]` };
}

export function statusItems(payload: WhatsappWebhook): StatusItem[] {
  return payload.entry.flatMap((entry) => entry.changes.flatMap(({ value }) => (value.statuses ?? []).flatMap((s) => {
    if (!(statusValues as readonly string[]).includes(s.status)) return [];
    return [{
      wamid: s.id,
      status: s.status as StatusValue,
      at: s.timestamp ? new Date(Number(s.timestamp) * 1000) : null,
      callbackData: s.biz_opaque_callback_data ?? null,
      error: s.errors?.[0] ?? null,
    }];
  })));
}
