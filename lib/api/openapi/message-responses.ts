import { z } from "zod";
import { nextCursor, timestamp } from "./timestamp.ts";

/** One message of a contact's thread (lib/runs/contact-messages.ts); delivery fields are outbound only. */
export const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["inbound", "outbound"]),
    text: z.string(),
    at: timestamp,
    runId: z.string().optional().meta({ description: "The run that sent it (outbound)" }),
    buttons: z.array(z.object({ id: z.string(), title: z.string() })).optional().meta({ description: "Quick-reply buttons it carried (outbound)" }),
    buttonId: z.string().optional().meta({ description: "The button the contact pressed (inbound)" }),
    status: z.enum(["pending", "sent", "delivered", "read", "failed"]).optional().meta({ description: "Delivery status (outbound)" }),
    channel: z.string().optional().meta({ description: "`sandbox` or `whatsapp` (outbound)" }),
    error: z.string().optional().meta({ description: "Meta's words, when the send failed" }),
    errorCode: z.number().int().optional().meta({ description: "Meta's error code, when the send failed" }),
    template: z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) }).optional(),
  })
  .meta({ id: "Message" });

export const messageListSchema = z.object({ messages: z.array(messageSchema), nextCursor }).meta({ id: "MessageList" });

/** `InboundResult` (lib/engine/receive-inbound.ts). */
export const inboundResultSchema = z
  .object({
    messageId: z.string().nullable().meta({ description: "The stored message, or null for a duplicate" }),
    duplicate: z.boolean().meta({ description: "True when a message with this `id` was already stored: nothing happened" }),
    completedWaits: z.number().int().meta({ description: "How many Customer Response waits this reply completed" }),
  })
  .meta({ id: "InboundResult" });
