import { createHmac, randomBytes } from "node:crypto";
import type { MetaError } from "./errors.ts";

/**
 * Meta's webhook bodies, built as the exact strings the fake posts, so tests can sign, replay,
 * duplicate and reorder the very bytes an app would receive.
 */
export type StatusValue = "sent" | "delivered" | "read" | "failed";
export type StatusInput = {
  phoneNumberId: string; wamid: string; status: StatusValue;
  /** Phone digits the message went to (`recipient_id`), or the user id it was sent by (`recipient_user_id`). */
  to?: string | null; recipient?: string | null;
  callbackData?: string | null; error?: MetaError; timestamp?: number;
};
export type InboundMessage = {
  from?: string; userId?: string; id?: string; timestamp?: number; name?: string;
  text?: string; buttonReply?: { id: string; title: string }; listReply?: { id: string; title: string; description?: string };
  quickReply?: { payload: string; text: string };
  /** The wamid of the message being answered (Meta's `context.id` on replies). */
  context?: { id: string };
};

export const WABA_ID = "100000000000001";
export const DISPLAY_PHONE_NUMBER = "15550000000";
/** Someone has to be talking: a message with neither `from` nor `userId` comes from this phone. */
export const DEFAULT_FROM = "15550001111";

export const newWamid = (prefix = "wamid.") => `${prefix}${randomBytes(18).toString("base64url")}`;
const seconds = (timestamp?: number) => String(timestamp ?? Math.floor(Date.now() / 1000));
const digits = (phone: string) => phone.replace(/^\+/, "");

/** `sha256=<hex HMAC-SHA256(secret, raw bytes)>`, Meta's X-Hub-Signature-256. */
export const sign = (body: string | Buffer, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

function envelope(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{
      id: WABA_ID,
      changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: phoneNumberId }, ...value } }],
    }],
  });
}

export function statusPayload(input: StatusInput): string {
  const { error } = input;
  return envelope(input.phoneNumberId, {
    statuses: [{
      id: input.wamid,
      status: input.status,
      timestamp: seconds(input.timestamp),
      ...(input.to ? { recipient_id: digits(input.to) } : {}),
      ...(input.recipient ? { recipient_user_id: input.recipient } : {}),
      ...(input.callbackData ? { biz_opaque_callback_data: input.callbackData } : {}),
      ...(error ? { errors: [{ code: error.code, title: error.title, message: error.message ?? error.title, error_data: { details: error.details ?? error.message ?? error.title } }] } : {}),
    }],
  });
}

/** A message from a contact; with `userId` and no `from`, as Meta sends users with a username (April 2026). */
export function inboundPayload(phoneNumberId: string, message: InboundMessage & { id: string }): string {
  const from = message.from ? digits(message.from) : message.userId ? null : DEFAULT_FROM;
  const content = message.buttonReply
    ? { type: "interactive", interactive: { type: "button_reply", button_reply: message.buttonReply } }
    : message.listReply
      ? { type: "interactive", interactive: { type: "list_reply", list_reply: message.listReply } }
      : message.quickReply
        ? { type: "button", button: message.quickReply }
        : { type: "text", text: { body: message.text ?? "" } };
  return envelope(phoneNumberId, {
    contacts: [{ profile: { name: message.name ?? "Fake contact" }, ...(from ? { wa_id: from } : {}), ...(message.userId ? { user_id: message.userId } : {}) }],
    messages: [{
      ...(from ? { from } : {}),
      ...(message.userId ? { from_user_id: message.userId } : {}),
      id: message.id,
      timestamp: seconds(message.timestamp),
      ...(message.context ? { context: { from: DISPLAY_PHONE_NUMBER, id: message.context.id } } : {}),
      ...content,
    }],
  });
}
