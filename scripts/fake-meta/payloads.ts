import { createHmac, randomBytes } from "node:crypto";

/** Meta's webhook payloads, byte for byte as the fake posts them (tests replay and reorder them). */
export type MetaError = { code: number; title: string; message?: string; details?: string };
export type InboundMessage = {
  from?: string; userId?: string; id?: string; timestamp?: number; name?: string;
  text?: string; buttonReply?: { id: string; title: string }; listReply?: { id: string; title: string }; quickReply?: { payload: string; text: string };
};
export type StatusUpdate = { wamid: string; status: "sent" | "delivered" | "read" | "failed"; to: string | null; recipient: string | null; callbackData: string | null; error?: MetaError; timestamp?: number };

export const newWamid = (prefix = "wamid.") => `${prefix}${randomBytes(12).toString("base64url")}`;
const seconds = (timestamp?: number) => String(timestamp ?? Math.floor(Date.now() / 1000));

function envelope(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "100000000000001", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550000000", phone_number_id: phoneNumberId }, ...value } }] }],
  });
}

export function statusPayload(phoneNumberId: string, update: StatusUpdate): string {
  return envelope(phoneNumberId, {
    statuses: [{
      id: update.wamid,
      status: update.status,
      timestamp: seconds(update.timestamp),
      ...(update.to ? { recipient_id: update.to } : {}),
      ...(update.recipient ? { recipient_user_id: update.recipient } : {}),
      ...(update.callbackData ? { biz_opaque_callback_data: update.callbackData } : {}),
      ...(update.error ? { errors: [{ code: update.error.code, title: update.error.title, message: update.error.message ?? update.error.title, error_data: { details: update.error.details ?? update.error.title } }] } : {}),
    }],
  });
}

/** A message from a contact; with `userId` and no `from`, as Meta sends users with a username. */
export function inboundPayload(phoneNumberId: string, message: InboundMessage & { id: string }): string {
  const who = { ...(message.from ? { from: message.from } : {}), ...(message.userId ? { from_user_id: message.userId } : {}) };
  const content = message.buttonReply
    ? { type: "interactive", interactive: { type: "button_reply", button_reply: message.buttonReply } }
    : message.listReply
      ? { type: "interactive", interactive: { type: "list_reply", list_reply: message.listReply } }
      : message.quickReply
        ? { type: "button", button: message.quickReply }
        : { type: "text", text: { body: message.text ?? "" } };
  return envelope(phoneNumberId, {
    contacts: [{ profile: { name: message.name ?? "Fake contact" }, ...(message.from ? { wa_id: message.from } : {}), ...(message.userId ? { user_id: message.userId } : {}) }],
    messages: [{ ...who, id: message.id, timestamp: seconds(message.timestamp), ...content }],
  });
}

export const sign = (body: string, secret: string) => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

/** Meta's error body: `{"error": {message, type, code, error_data, fbtrace_id}}`. */
export const errorBody = (error: MetaError) => ({
  error: {
    message: error.message ?? `(#${error.code}) ${error.title}`,
    type: "OAuthException",
    code: error.code,
    error_data: { messaging_product: "whatsapp", details: error.details ?? error.title },
    fbtrace_id: randomBytes(8).toString("base64url"),
  },
});
