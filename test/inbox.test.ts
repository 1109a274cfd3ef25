import pg from "pg";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { conversationDetailSchema, conversationListSchema } from "../lib/api/openapi/conversation-routes.ts";
import type { Actor } from "../lib/auth/scope.ts";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { AppError, type ErrorCode } from "../lib/errors.ts";
import { assignConversation } from "../lib/inbox/assign-conversation.ts";
import { closeConversation } from "../lib/inbox/close-conversation.ts";
import { listConversationsQuery, replyBody, transcriptQuery } from "../lib/inbox/conversation-schemas.ts";
import { conversationMessages, getConversation } from "../lib/inbox/get-conversation.ts";
import { listConversations } from "../lib/inbox/list-conversations.ts";
import { markConversationRead } from "../lib/inbox/mark-read.ts";
import { replyToConversation } from "../lib/inbox/reply-to-conversation.ts";
import { LIVE_CHANNEL } from "../lib/live/notify.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fakeMeta } from "./helpers/fake-meta.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { outboundTexts, publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";

// The WhatsApp channel (a fake Graph API), so every send goes through the outbox and the send
// job, and the 24-hour window is enforced as WhatsApp does.
const { env, meta } = await fakeMeta("1000009");
setupTestEnvironment({ workers: 1, env });

const ws = "default";
let users = 0;
/** A signed-in operator (a real User row, so the inbox can show their name). */
async function operator(name: string): Promise<Actor & { type: "user" }> {
  const id = `user-${++users}-${Date.now()}`;
  await db().user.create({ data: { id, name, email: `${id}@inbox.test` } });
  return { type: "user", id, label: name };
}

let phones = 0;
const nextPhone = () => `+3936100${String(++phones).padStart(5, "0")}`;
/** The contact writes on WhatsApp: opens the 24-hour window (and answers any wait). */
const contactWrites = (phone: string, text: string) => receiveInbound({ from: phone, text, channel: "whatsapp" });

/** Handoff → wait for a reply (1 h) → thank (replied) or end (silence). */
const handoffGraph = graphOf(
  [
    ["hand", "handoff", { note: "Wants a refund" }],
    ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }],
    ["thanks", "sendMessage", { text: "Thanks, you said: {{lastReply}}" }],
    ["done", "end"],
  ],
  ["start->hand", "hand->wait", "wait.replied->thanks", "wait.noResponse->done", "thanks->done"],
);

const list = (query: Record<string, string>, actor: Actor) => listConversations(ws, listConversationsQuery.parse(query), actor);
const conversationOf = async (phone: string) => db().conversation.findFirstOrThrow({ where: { contact: { phone } }, orderBy: { openedAt: "desc" } });
const rejectsWith = (promise: Promise<unknown>, code: ErrorCode) => expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);

async function handedOver(phone: string, automationId: string) {
  const [run] = await startRuns(automationId, [{ phone }]);
  await waitForStatus(run!.id, ["waiting"]);
  return { run: run!, conversation: await conversationOf(phone) };
}

describe("the inbox", () => {
  it("lists what handoffs opened, latest message first, unread once the contact writes; their reply still completes the wait", async () => {
    const automation = await publishedAutomation(handoffGraph, "Refunds");
    const olga = await operator("Olga");
    const first = nextPhone();
    const second = nextPhone();
    const a = await handedOver(first, automation.id);
    const b = await handedOver(second, automation.id);

    let page = await list({}, olga);
    const mine = page.conversations.filter((c) => [a.conversation.id, b.conversation.id].includes(c.id));
    expect(mine.map((c) => c.contact.phone)).toEqual([second, first]);
    expect(mine[1]).toMatchObject({ status: "open", note: "Wants a refund", nodeId: "hand", runId: a.run.id, unread: false, assignee: null });

    // The contact writes: the conversation moves to the top, unread, and the Customer Response still completes.
    expect((await contactWrites(first, "Where is my money?")).completedWaits).toBe(1);
    await waitForStatus(a.run.id, ["completed"]);
    expect(await outboundTexts(a.run.id)).toEqual(["Thanks, you said: Where is my money?"]);
    page = await list({}, olga);
    expect(page.conversations[0]).toMatchObject({ id: a.conversation.id, unread: true, lastMessage: { direction: expect.any(String) } });
    expect(page.unreadOpen).toBe(1);

    // Keyset pages: one at a time, the same order, nothing repeated.
    const one = await list({ limit: "1" }, olga);
    expect(one.conversations.map((c) => c.id)).toEqual([a.conversation.id]);
    const next = await list({ limit: "1", cursor: one.nextCursor! }, olga);
    expect(next.conversations.map((c) => c.id)).toEqual([b.conversation.id]);

    const detail = await getConversation(ws, a.conversation.id, transcriptQuery.parse({}));
    expect(detail.contact).toMatchObject({ phone: first, key: first });
    expect(detail.run).toEqual({ id: a.run.id, automationId: automation.id, automationName: "Refunds", version: 1, status: "completed", currentNodeId: "done" });
    expect(detail.session).toMatchObject({ channel: "whatsapp", enforced: true, open: true });
    expect(detail.transcript.messages.map((m) => [m.direction, m.text])).toEqual([["inbound", "Where is my money?"], ["outbound", "Thanks, you said: Where is my money?"]]);

    // Older pages of the transcript, newest page first, each oldest first.
    const newest = await conversationMessages(ws, a.conversation.id, transcriptQuery.parse({ limit: "1" }));
    expect(newest.messages.map((m) => m.text)).toEqual(["Thanks, you said: Where is my money?"]);
    const older = await conversationMessages(ws, a.conversation.id, transcriptQuery.parse({ limit: "1", cursor: newest.nextCursor! }));
    expect(older).toMatchObject({ messages: [{ text: "Where is my money?" }], nextCursor: null });

    await markConversationRead(ws, a.conversation.id);
    expect((await list({}, olga)).conversations.find((c) => c.id === a.conversation.id)?.unread).toBe(false);
    expect((await list({}, olga)).unreadOpen).toBe(0);
    // Unread again when the contact writes after it was read.
    await contactWrites(first, "Hello?");
    expect((await list({}, olga)).conversations.find((c) => c.id === a.conversation.id)?.unread).toBe(true);
  });

  it("an operator's reply goes into the send outbox, is sent by the send job, and tells other screens", async () => {
    const automation = await publishedAutomation(handoffGraph);
    const phone = nextPhone();
    await contactWrites(phone, "I need a person");
    const { run, conversation } = await handedOver(phone, automation.id);
    const before = await db().contact.findFirstOrThrow({ where: { phone } });

    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const notices: { topic: string; ids?: string[] }[] = [];
    listener.on("notification", (n) => notices.push(JSON.parse(n.payload ?? "{}")));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    try {
      const result = await replyToConversation(ws, conversation.id, replyBody.parse({ text: "  Hi, Olga here. Let me check.  " }));
      expect(result).toMatchObject({ status: "pending", channel: "whatsapp" });
      const stored = await db().message.findUniqueOrThrow({ where: { id: result.messageId } });
      expect(stored).toMatchObject({ direction: "outbound", text: "Hi, Olga here. Let me check.", runId: null, contactSeq: before.messageSeq + 1, channel: "whatsapp" });
      expect((await db().contact.findUniqueOrThrow({ where: { id: before.id } })).messageSeq).toBe(before.messageSeq + 1);
      const after = await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } });
      expect(after.lastMessageAt).toEqual(stored.at);
      expect(after.readAt).toEqual(stored.at);

      // The send job (in the worker) sends it to Meta and records Meta's id.
      const sent = await waitFor(async () => {
        const m = await db().message.findUniqueOrThrow({ where: { id: result.messageId } });
        return m.status !== "pending" && m;
      }, { what: "the reply to be sent" });
      // Sent (the fake Graph API then reports delivered, which may land first).
      expect(["sent", "delivered", "read"]).toContain(sent.status);
      expect(sent.providerMessageId).toEqual(expect.any(String));
      const send = meta().sends.find((s) => s.callbackData === result.messageId);
      expect(send).toMatchObject({ to: phone.slice(1), type: "text" });
      expect(send?.body).toMatchObject({ text: { body: "Hi, Olga here. Let me check." } });
      await waitFor(async () => notices.some((n) => n.topic === "conversations" && n.ids?.includes(conversation.id)) && notices.some((n) => n.topic === "messages" && n.ids?.includes(before.id)), { what: "live notices", timeoutMs: 5_000 });
    } finally {
      await listener.end();
    }

    // An operator's reply is not the contact's: the run keeps waiting until the contact answers.
    expect((await runOf(run.id)).status).toBe("waiting");
    await contactWrites(phone, "ok thanks");
    await waitForStatus(run.id, ["completed"]);
    const thread = await db().message.findMany({ where: { contactId: before.id }, orderBy: { contactSeq: "asc" } });
    expect(thread.map((m) => m.text)).toEqual(["I need a person", "Hi, Olga here. Let me check.", "ok thanks", "Thanks, you said: ok thanks"]);
    expect(new Set(thread.map((m) => m.contactSeq)).size).toBe(4);
  });

  it("refuses free text outside the 24-hour window with a 409 that writes nothing; a template goes at any time", async () => {
    await publishedAutomation(graphOf([["ask", "sendMessage", { text: "Your order", template: { name: "order_update", language: "it" } }]], ["start->ask"]));
    const automation = await publishedAutomation(handoffGraph);
    const phone = nextPhone(); // never wrote
    const { conversation } = await handedOver(phone, automation.id);
    const contact = await db().contact.findFirstOrThrow({ where: { phone } });

    const detail = await getConversation(ws, conversation.id, transcriptQuery.parse({}));
    expect(detail.session).toMatchObject({ enforced: true, open: false, closesAt: null });
    expect(detail.templates).toContainEqual({ name: "order_update", language: "it" });

    await expect(replyToConversation(ws, conversation.id, { text: "Hello!" })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "conflict" && /24-hour window is closed.*template/.test(e.message),
    );
    expect(await db().message.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).messageSeq).toBe(contact.messageSeq);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).lastMessageAt).toEqual(conversation.lastMessageAt);

    const result = await replyToConversation(ws, conversation.id, replyBody.parse({ template: { name: "order_update", language: "it", params: ["A-42"] } }));
    const sent = await waitFor(async () => {
      const m = await db().message.findUniqueOrThrow({ where: { id: result.messageId } });
      return m.status !== "pending" && m;
    }, { what: "the template to be sent" });
    expect(sent.status).not.toBe("failed");
    const send = meta().sends.find((s) => s.callbackData === result.messageId);
    expect(send?.body).toMatchObject({ type: "template", template: { name: "order_update", language: { code: "it" }, components: [{ type: "body", parameters: [{ type: "text", text: "A-42" }] }] } });
    expect(await db().message.findUniqueOrThrow({ where: { id: result.messageId } })).toMatchObject({ template: { name: "order_update", language: "it", params: ["A-42"] }, text: "A-42" });

    // Bad bodies never reach the database.
    for (const body of [{ text: "" }, { text: "x".repeat(4097) }, { template: { name: "Not A Name" } }, { text: "hi", template: { name: "a" } }, {}]) {
      expect(replyBody.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it("assigns to me or nobody, closes for good (a new handoff opens a new one), and hides it all from another workspace", async () => {
    const automation = await publishedAutomation(handoffGraph);
    const olga = await operator("Olga");
    const piero = await operator("Piero");
    const phone = nextPhone();
    const { conversation } = await handedOver(phone, automation.id);
    const { id } = conversation;

    expect(await assignConversation(ws, id, { assigneeId: "me" }, olga)).toEqual({ assigneeId: olga.id });
    expect((await list({ mine: "true" }, olga)).conversations.map((c) => c.id)).toContain(id);
    expect((await list({ mine: "true" }, piero)).conversations.map((c) => c.id)).not.toContain(id);
    expect((await list({}, piero)).conversations.find((c) => c.id === id)?.assignee).toEqual({ id: olga.id, name: "Olga" });
    await rejectsWith(assignConversation(ws, id, { assigneeId: "me" }, { type: "apiKey", id: "k1", label: "Key" }), "bad_request");
    await rejectsWith(list({ mine: "true" }, { type: "apiKey", id: "k1", label: "Key" }), "bad_request");
    expect(await assignConversation(ws, id, { assigneeId: null }, olga)).toEqual({ assigneeId: null });
    expect((await list({ mine: "true" }, olga)).conversations.map((c) => c.id)).not.toContain(id);

    const other = "another-workspace";
    await rejectsWith(getConversation(other, id, transcriptQuery.parse({})), "not_found");
    await rejectsWith(conversationMessages(other, id, transcriptQuery.parse({})), "not_found");
    await rejectsWith(replyToConversation(other, id, { text: "hi" }), "not_found");
    await rejectsWith(assignConversation(other, id, { assigneeId: "me" }, olga), "not_found");
    await rejectsWith(closeConversation(other, id, olga), "not_found");
    await rejectsWith(markConversationRead(other, id), "not_found");
    expect((await list({}, olga)).conversations.map((c) => c.id)).toContain(id);
    expect((await listConversations(other, listConversationsQuery.parse({}), olga)).conversations).toEqual([]);

    const closed = await closeConversation(ws, id, olga);
    expect(closed.status).toBe("closed");
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "closed", closedById: olga.id, closedAt: new Date(closed.closedAt) });
    expect((await list({}, olga)).conversations.map((c) => c.id)).not.toContain(id);
    expect((await list({ status: "closed" }, olga)).conversations.find((c) => c.id === id)).toMatchObject({ closedBy: { id: olga.id, name: "Olga" } });
    await rejectsWith(closeConversation(ws, id, olga), "conflict");
    await rejectsWith(replyToConversation(ws, id, { template: { name: "hello", language: "en_US", params: [] } }), "conflict");
    await rejectsWith(assignConversation(ws, id, { assigneeId: "me" }, olga), "conflict");

    // Only a new handoff brings the contact back to the inbox: in a new conversation.
    const again = await handedOver(phone, automation.id);
    expect(again.conversation.id).not.toBe(id);
    expect(again.conversation.status).toBe("open");
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
  });

  it("answers in the shapes the OpenAPI document names", () => {
    type Returned<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
    expectTypeOf<Returned<typeof listConversations>>().toExtend<z.output<typeof conversationListSchema>>();
    type Detail = Returned<typeof getConversation>;
    // A message's `status` is a text column (its values are DESIGN.md's, which the document lists).
    type Loose<T> = Omit<T, "transcript"> & { transcript: { nextCursor: string | null } };
    expectTypeOf<Loose<Detail>>().toExtend<Loose<z.output<typeof conversationDetailSchema>>>();
  });
});
