import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGraphApi, type FakeGraphApi } from "../scripts/fake-meta/server.ts";
import { db } from "../lib/db.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { freePort } from "./helpers/free-port.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver.ts";

// The fake Graph API stands in for Meta on a known port, so the workers' environment can name it.
const port = await freePort();
const SECRET = "fake-secret";
const env = {
  WHATSAPP_PHONE_NUMBER_ID: "1000001",
  WHATSAPP_ACCESS_TOKEN: "fake-token",
  WHATSAPP_APP_SECRET: SECRET,
  WHATSAPP_API_BASE: `http://127.0.0.1:${port}/v26.0`,
};
setupTestEnvironment({ workers: 1, env });

let meta: FakeGraphApi;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  meta = await startFakeGraphApi({ port, accessToken: "fake-token", appSecret: SECRET, webhookUrl: receiver.url });
});
afterAll(async () => {
  await meta.close();
  await receiver.close();
});
beforeEach(() => meta.reset());

let phones = 0;
const nextPhone = () => `+3935100${String(++phones).padStart(5, "0")}`;
const digits = (phone: string) => phone.slice(1);

const messagesOf = (runId: string) => db().message.findMany({ where: { runId, direction: "outbound" }, orderBy: { contactSeq: "asc" } });
const waitForMessage = (runId: string, what: string, check: (m: Awaited<ReturnType<typeof messagesOf>>[number]) => boolean, timeoutMs = 20_000) =>
  waitFor(async () => (await messagesOf(runId)).find(check), { timeoutMs, what });

/** A window opener: the contact wrote first, so free text may go out (WhatsApp's 24-hour rule). */
async function contactWrote(phone: string) {
  const { id } = await meta.postInbound({ from: digits(phone), text: "Hello" });
  await waitFor(async () => (await db().message.count({ where: { providerMessageId: id } })) === 1, { what: "the inbound message" });
}

const checkup = graphOf(
  [
    ["ask", "sendMessage", { text: "Hi {{contact.name}}, all good with product X?", template: { name: "checkup", language: "it", params: ["{{contact.name}}"] }, buttons: [{ id: "yes", title: "Yes" }, { id: "help", title: "I need help" }] }],
    ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" }, routes: [{ id: "fine", label: "Fine", op: "equals", value: "yes" }] }],
    ["fine", "end", {}],
    ["other", "end", {}],
    ["silent", "end", {}],
  ],
  ["start->ask", "ask->wait", "wait.fine->fine", "wait.replied->other", "wait.noResponse->silent"],
);

describe("WhatsApp Cloud API channel", () => {
  it("sends a template once with its parameters, shows statuses as they arrive, and a button reply takes its route", async () => {
    const automation = await publishedAutomation(checkup);
    const phone = nextPhone();
    const [run] = await startRuns(automation.id, [{ phone, name: "Ada" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await meta.waitForSends(1);
    const [send] = meta.sends;
    const [message] = await messagesOf(run!.id);
    expect(send).toMatchObject({ to: digits(phone), type: "template", callbackData: message!.id, idempotencyKey: message!.idempotencyKey });
    expect(send!.body).toMatchObject({
      template: { name: "checkup", language: { code: "it" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ada" }] }, { type: "button", index: "0" }, { type: "button", index: "1" }] },
    });
    // The fake reports sent, then delivered; the message follows, with Meta's id recorded.
    await waitForMessage(run!.id, "a delivered message", (m) => m.status === "delivered");
    expect((await messagesOf(run!.id))[0]).toMatchObject({ providerMessageId: send!.wamid, attempts: 1 });

    await meta.postInbound({ from: digits(phone), buttonReply: { id: "yes", title: "Yes" } });
    await waitForStatus(run!.id, ["completed"]);
    const done = await runOf(run!.id);
    expect(done.currentNodeId).toBe("fine");
    expect(done.steps.find((s) => s.nodeId === "wait" && s.by === "reply")?.outcome).toBe("fine");
    expect(meta.sends).toHaveLength(1);
  });

  it("free text to a contact outside the 24-hour window fails the run before anything is sent", async () => {
    const automation = await publishedAutomation(graphOf([["say", "sendMessage", { text: "Free text" }]], ["start->say"]));
    const [run] = await startRuns(automation.id, [{ phone: nextPhone() }]);
    await waitForStatus(run!.id, ["failed"]);
    expect((await runOf(run!.id)).failureReason).toMatch(/24-hour window is closed/);
    expect(meta.attempts).toBe(0);
  });

  it("Meta refusing a send (131047) fails the message and the run with Meta's words", async () => {
    const phone = nextPhone();
    await contactWrote(phone);
    meta.failRecipient(digits(phone), { code: 131047, title: "Re-engagement message", details: "More than 24 hours have passed since the customer last replied." });
    const automation = await publishedAutomation(graphOf([["say", "sendMessage", { text: "Free text" }], ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["a", "end", {}], ["b", "end", {}]], ["start->say", "say->wait", "wait.replied->a", "wait.noResponse->b"]));
    const [run] = await startRuns(automation.id, [{ phone }]);
    await waitForStatus(run!.id, ["failed"]);
    const [message] = await messagesOf(run!.id);
    expect(message).toMatchObject({ status: "failed", errorCode: 131047 });
    expect(message!.error).toContain("More than 24 hours");
    expect((await runOf(run!.id)).failureReason).toMatch(/^Message not sent: Re-engagement message.*\(code 131047\)$/);
    expect(meta.sends).toHaveLength(0);
  });

  it("a failure reported while waiting takes deliveryFailed when connected; unconnected, the wait goes on", async () => {
    const withHandle = await publishedAutomation(graphOf(
      [["say", "sendMessage", { text: "Hi" }], ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["a", "end", {}], ["b", "end", {}], ["lost", "end", {}]],
      ["start->say", "say->wait", "wait.replied->a", "wait.noResponse->b", "wait.deliveryFailed->lost"],
    ));
    const without = await publishedAutomation(graphOf(
      [["say", "sendMessage", { text: "Hi" }], ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["a", "end", {}], ["b", "end", {}]],
      ["start->say", "say->wait", "wait.replied->a", "wait.noResponse->b"],
    ));
    const [first, second] = [nextPhone(), nextPhone()];
    for (const phone of [first, second]) {
      await contactWrote(phone);
      meta.failAfterAccept(digits(phone), { code: 131026, title: "Message undeliverable" });
    }
    const [taken] = await startRuns(withHandle.id, [{ phone: first }]);
    const [goesOn] = await startRuns(without.id, [{ phone: second }]);
    await waitForStatus(taken!.id, ["completed"]);
    expect((await runOf(taken!.id)).currentNodeId).toBe("lost");
    expect((await runOf(taken!.id)).steps.find((s) => s.by === "delivery")).toMatchObject({ nodeId: "wait", outcome: "deliveryFailed" });
    await waitForMessage(goesOn!.id, "a failed message", (m) => m.status === "failed");
    expect((await runOf(goesOn!.id)).status).toBe("waiting");
    expect((await messagesOf(goesOn!.id))[0]!.error).toBe("Message undeliverable (code 131026)");
  });

  it("rate limits and server errors are retried with backoff, and the message goes out once", async () => {
    const phone = nextPhone();
    await contactWrote(phone);
    meta.setMode({ kind: "error", status: 429, code: 130429, title: "Rate limit hit", remaining: 2 });
    const automation = await publishedAutomation(graphOf([["say", "sendMessage", { text: "Hi" }]], ["start->say"]));
    const [run] = await startRuns(automation.id, [{ phone }]);
    await waitForMessage(run!.id, "a sent message", (m) => m.status !== "pending", 30_000);
    expect(meta.sends).toHaveLength(1);
    expect(meta.attempts).toBe(3);
    expect((await messagesOf(run!.id))[0]!.attempts).toBe(3);
  });

  it("statuses out of order or twice end as an orderly delivery would", async () => {
    const phone = nextPhone();
    await contactWrote(phone);
    const automation = await publishedAutomation(graphOf([["say", "sendMessage", { text: "Hi" }]], ["start->say"]));
    const [run] = await startRuns(automation.id, [{ phone }]);
    await meta.waitForSends(1);
    const wamid = meta.sends[0]!.wamid;
    await waitForMessage(run!.id, "a delivered message", (m) => m.status === "delivered");
    await meta.postStatus(wamid, "read");
    await meta.postStatus(wamid, "sent");
    await meta.postStatus(wamid, "delivered");
    await meta.postStatus(wamid, "read");
    await waitForMessage(run!.id, "a read message", (m) => m.status === "read");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await messagesOf(run!.id))[0]!.status).toBe("read");
  });

  it("a contact learns its WhatsApp user id, and a reply by user id alone reaches the same contact", async () => {
    const phone = nextPhone();
    await meta.postInbound({ from: digits(phone), userId: `US.${digits(phone)}`, text: "Hi" });
    const contact = await waitFor(async () => (await db().contact.findFirst({ where: { phone } })) ?? undefined, { what: "the contact" });
    await waitFor(async () => (await db().contact.findUnique({ where: { id: contact.id } }))?.waUserId === `US.${digits(phone)}`, { what: "the user id" });
    const automation = await publishedAutomation(graphOf(
      [["say", "sendMessage", { text: "Hi" }], ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["a", "end", {}], ["b", "end", {}]],
      ["start->say", "say->wait", "wait.replied->a", "wait.noResponse->b"],
    ));
    const [run] = await startRuns(automation.id, [{ phone }]);
    await waitForStatus(run!.id, ["waiting"]);
    await meta.postInbound({ userId: `US.${digits(phone)}`, text: "By user id" });
    await waitForStatus(run!.id, ["completed"]);
    expect((await runOf(run!.id)).currentNodeId).toBe("a");
    expect(await db().contact.count({ where: { waUserId: `US.${digits(phone)}` } })).toBe(1);
  });

  it("a contact known only by user id is created as such", async () => {
    await meta.postInbound({ userId: "US.only-user", text: "Hi" });
    const contact = await waitFor(async () => (await db().contact.findFirst({ where: { waUserId: "US.only-user" } })) ?? undefined, { what: "the contact" });
    expect(contact.phone).toBeNull();
  });
});
