import { z } from "zod";
import { messageSchema } from "@/components/messages/message-schema";
import { runStatusSchema } from "@/components/runs/run-schemas";

/** What the inbox reads of `GET /api/conversations` and `GET /api/conversations/:id`. */

const person = z.object({ id: z.string(), name: z.string().nullable() });

export const conversationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(["open", "closed"]),
  contact: z.object({ id: z.string(), key: z.string(), phone: z.string().nullable(), name: z.string().nullable() }),
  note: z.string().nullable(),
  runId: z.string().nullable(),
  assignee: person.nullable(),
  unread: z.boolean(),
  lastMessageAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: person.nullable(),
  lastMessage: z.object({ text: z.string(), direction: z.enum(["inbound", "outbound"]), at: z.string() }).nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationListSchema = z.object({
  conversations: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable(),
  unreadOpen: z.number(),
});
export type ConversationList = z.infer<typeof conversationListSchema>;

export const transcriptSchema = z.object({ messages: z.array(messageSchema), nextCursor: z.string().nullable() });

export const templateSchema = z.object({ name: z.string(), language: z.string() });
export type UsedTemplate = z.infer<typeof templateSchema>;

export const conversationDetailSchema = conversationSummarySchema.extend({
  run: z
    .object({ id: z.string(), automationId: z.string(), automationName: z.string(), version: z.number(), status: runStatusSchema, currentNodeId: z.string().nullable() })
    .nullable(),
  session: z.object({ channel: z.string(), enforced: z.boolean(), open: z.boolean(), closesAt: z.string().nullable() }),
  transcript: transcriptSchema,
  templates: z.array(templateSchema),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/** The contact as a person reads it: the name, else the phone (or WhatsApp user id). */
export const contactTitle = (contact: ConversationSummary["contact"]) => contact.name || contact.phone || contact.key;
