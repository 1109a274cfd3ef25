import { z } from "zod";

/**
 * A message of `GET /api/contacts/:phone/messages` as the run and contact views read it
 * (DESIGN.md "Channels": outbound messages carry their delivery status).
 */

export const messageStatuses = ["pending", "sent", "delivered", "read", "failed"] as const;
export const messageStatusSchema = z.enum(messageStatuses);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const messageSchema = z.object({
  id: z.string(),
  direction: z.enum(["inbound", "outbound"]),
  text: z.string(),
  at: z.string(),
  runId: z.string().nullish(),
  /** Quick-reply buttons an outbound message carried; the button an inbound one pressed. */
  buttons: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  buttonId: z.string().optional(),
  /**
   * Outbound only. Missing from older servers, and a status this UI does not know yet (a newer
   * server) must not blank the whole thread: both read as undefined, shown as "sent".
   */
  status: messageStatusSchema.optional().catch(undefined),
  /** Meta's words and code when the message failed. */
  error: z.string().nullish(),
  errorCode: z.number().nullish(),
  channel: z.enum(["sandbox", "whatsapp"]).optional().catch(undefined),
  /** The approved template an outbound message was sent as. */
  template: z.object({ name: z.string(), language: z.string(), params: z.array(z.string()).default([]) }).nullish(),
});
export type Message = z.infer<typeof messageSchema>;

export const messageListSchema = z.object({ messages: z.array(messageSchema), nextCursor: z.string().nullish() });

/** An outbound message's status, "sent" when the server did not say; null for an inbound one. */
export const deliveryStatus = (message: Message): MessageStatus | null =>
  message.direction === "outbound" ? (message.status ?? "sent") : null;

/**
 * How long after a send a status change is still worth polling for. Receipts normally follow
 * within seconds (delivered) or when the contact opens the chat (read); past a day, a reload will do.
 */
export const RECEIPT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * True when this message's status may still change, so a view showing it should ask again:
 * outbound, sent in the last RECEIPT_WINDOW_MS, and pending, or sent/delivered on WhatsApp
 * (the sandbox never reports receipts, so its "sent" is final; read and failed are final everywhere).
 */
export function awaitsReceipt(message: Message, now: number): boolean {
  if (message.direction !== "outbound" || !(now - Date.parse(message.at) < RECEIPT_WINDOW_MS)) return false;
  if (message.status === "pending") return true;
  return message.channel === "whatsapp" && (message.status === "sent" || message.status === "delivered");
}
