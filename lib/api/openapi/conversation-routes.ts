import { z } from "zod";
import { assignBody, listConversationsQuery, replyBody, transcriptQuery } from "../../inbox/conversation-schemas.ts";
import { jsonBodyErrors, queryErrors } from "./common-errors.ts";
import { messageSchema } from "./message-responses.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";
import { runStatusSchema } from "./run-responses.ts";
import { nextCursor, timestamp } from "./timestamp.ts";

const person = z.object({ id: z.string(), name: z.string().nullable() });

/** `toConversationSummary` (lib/inbox/conversation-row.ts). */
export const conversationSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(["open", "closed"]),
    contact: z.object({
      id: z.string(),
      key: z.string().meta({ description: "The contact's URL key: its phone, or `user:<WhatsApp user id>`" }),
      phone: z.string().nullable(),
      name: z.string().nullable(),
    }),
    note: z.string().nullable().meta({ description: "The note of the Handoff step that opened it" }),
    nodeId: z.string().nullable().meta({ description: "That Handoff step" }),
    runId: z.string().nullable().meta({ description: "The run that handed the contact over (the latest handoff's)" }),
    assignee: person.nullable(),
    unread: z.boolean().meta({ description: "The contact wrote after an operator last read it" }),
    openedAt: timestamp,
    closedAt: timestamp.nullable(),
    closedBy: person.nullable(),
    lastMessageAt: timestamp,
    lastInboundAt: timestamp.nullable(),
    readAt: timestamp.nullable(),
    lastMessage: z.object({ text: z.string(), direction: z.enum(["inbound", "outbound"]), at: timestamp }).nullable(),
  })
  .meta({ id: "ConversationSummary" });

export const conversationListSchema = z
  .object({
    conversations: z.array(conversationSummarySchema),
    nextCursor,
    unreadOpen: z.number().int().meta({ description: "Open conversations with unread messages, in the whole workspace" }),
  })
  .meta({ id: "ConversationList" });

export const transcriptSchema = z
  .object({ messages: z.array(messageSchema).meta({ description: "Oldest first within the page" }), nextCursor: nextCursor.meta({ description: "Pass as `cursor` for the older messages; null at the first" }) })
  .meta({ id: "Transcript" });

/** `getConversation` (lib/inbox/get-conversation.ts). */
export const conversationDetailSchema = conversationSummarySchema
  .extend({
    run: z.object({ id: z.string(), automationId: z.string(), automationName: z.string(), version: z.number().int(), status: runStatusSchema, currentNodeId: z.string().nullable() }).nullable(),
    session: z
      .object({
        channel: z.string(),
        enforced: z.boolean().meta({ description: "Whether the channel enforces WhatsApp's 24-hour rule" }),
        open: z.boolean().meta({ description: "Free text may be sent now; otherwise only a template" }),
        closesAt: timestamp.nullable(),
      })
      .meta({ id: "SessionWindow" }),
    transcript: transcriptSchema.meta({ description: "The newest page of the contact's messages" }),
    templates: z.array(z.object({ name: z.string(), language: z.string() })).meta({ description: "Templates the workspace's Send message steps name" }),
  })
  .meta({ id: "ConversationDetail" });

export const replyResultSchema = z.object({ messageId: z.string(), status: z.string(), channel: z.string() }).meta({ id: "ReplyResult" });

const conversationId = idParam("conversation");
const noConversation = "No conversation with this id in the workspace";
const closed = "The conversation is closed (a new handoff opens a new one)";

export const conversationRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/conversations",
    tag: "Messages",
    summary: "List inbox conversations",
    description: "Conversations that Handoff steps opened, the latest message first, a page at a time. `status` is `open` by default; `mine=true` keeps those assigned to the signed-in user.",
    permission: "read",
    params: { query: listConversationsQuery },
    responses: { 200: { description: "A page of conversations", schema: conversationListSchema } },
    errors: { 400: `${queryErrors[400]}; or \`mine\` asked with an API key` },
  },
  {
    method: "get",
    path: "/api/conversations/{id}",
    tag: "Messages",
    summary: "Get a conversation",
    description: "With its contact, the run that handed it over, the 24-hour window, the newest page of the transcript (`limit`) and the templates in use.",
    permission: "read",
    params: { path: conversationId, query: transcriptQuery.omit({ cursor: true }) },
    responses: { 200: { description: "The conversation", schema: conversationDetailSchema } },
    errors: { ...queryErrors, 404: noConversation },
  },
  {
    method: "get",
    path: "/api/conversations/{id}/messages",
    tag: "Messages",
    summary: "Page back through a conversation's transcript",
    description: "The contact's messages, newest page first; each page reads oldest first. Pass the previous page's `nextCursor` for older ones.",
    permission: "read",
    params: { path: conversationId, query: transcriptQuery },
    responses: { 200: { description: "A page of messages", schema: transcriptSchema } },
    errors: { ...queryErrors, 404: noConversation },
  },
  {
    method: "post",
    path: "/api/conversations/{id}/reply",
    tag: "Messages",
    summary: "Reply to the contact",
    description: "Free text (1-4096 characters) only while WhatsApp's 24-hour window is open; an approved template `{name, language?, params?}` at any time. Sent on the workspace's channel through the send outbox, like a run's message.",
    permission: "inbox:write",
    params: { path: conversationId },
    body: { schema: replyBody.meta({ id: "ConversationReplyInput" }) },
    responses: { 201: { description: "Stored (and queued for sending)", schema: replyResultSchema } },
    errors: { ...jsonBodyErrors, 404: noConversation, 409: `Free text outside the 24-hour window (send a template), or: ${closed}` },
  },
  {
    method: "post",
    path: "/api/conversations/{id}/assign",
    tag: "Messages",
    summary: "Assign a conversation to me, or to nobody",
    permission: "inbox:write",
    params: { path: conversationId },
    body: { schema: assignBody.meta({ id: "ConversationAssignInput" }) },
    responses: { 200: { description: "Assigned", schema: z.object({ assigneeId: z.string().nullable() }) } },
    errors: { ...jsonBodyErrors, 400: `${jsonBodyErrors[400]}; or "me" asked with an API key`, 404: noConversation, 409: closed },
  },
  {
    method: "post",
    path: "/api/conversations/{id}/close",
    tag: "Messages",
    summary: "Close a conversation",
    description: "It stays as history; the contact's next handoff opens a new one.",
    permission: "inbox:write",
    params: { path: conversationId },
    responses: { 200: { description: "Closed", schema: z.object({ status: z.literal("closed"), closedAt: timestamp }) } },
    errors: { 404: noConversation, 409: "Already closed" },
  },
  {
    method: "post",
    path: "/api/conversations/{id}/read",
    tag: "Messages",
    summary: "Mark a conversation read",
    description: "Up to the contact's latest message: unread again when they write next.",
    permission: "inbox:write",
    params: { path: conversationId },
    responses: { 200: { description: "Read", schema: z.object({ readAt: timestamp }) } },
    errors: { 404: noConversation },
  },
];
