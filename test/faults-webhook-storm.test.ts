import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundPayload, startFakeGraphApi, statusPayload, type FakeGraphApi, type FakeSend } from "../scripts/fake-meta/server.ts";
import { db } from "../lib/db.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { freePort } from "./helpers/free-port.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { publishedAutomation } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver.ts";

// A storm of duplicated and reordered webhooks (statuses and replies) must leave the same state
// as the same events delivered once, in order.
const port = await freePort();
setupTestEnvironment({
  workers: 2,
  env: { WHATSAPP_PHONE_NUMBER_ID: "5000005", WHATSAPP_ACCESS_TOKEN: "fake-token", WHATSAPP_APP_SECRET: "fake-secret", WHATSAPP_API_BASE: `http://127.0.0.1:${port}/v26.0` },
});

let meta: FakeGraphApi;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  meta = await startFakeGraphApi({ port, accessToken: "fake-token", appSecret: "fake-secret", webhookUrl: receiver.url, autoStatuses: [] });
});
afterAll(async () => {
  await meta.close();
  await receiver.close();
});

const RUNS = 40;
const graph = graphOf(
  [
    ["ask", "sendMessage", { text: "Happy?", template: { name: "happy", language: "en_US" }, buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] }],
    ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" }, routes: [{ id: "happy", label: "Happy", op: "equals", value: "yes" }] }],
    ["thanks", "sendMessage", { text: "Thanks!", template: { name: "thanks", language: "en_US" } }],
    ["other", "end", {}],
    ["silent", "end", {}],
  ],
  ["start->ask", "ask->wait", "wait.happy->thanks", "wait.replied->other", "wait.noResponse->silent"],
);

/** Every webhook a contact's conversation causes: statuses of the question, the button reply. */
function eventsOf(send: FakeSend, i: number, group: string): string[] {
  const status = (s: "sent" | "delivered" | "read", timestamp: number) =>
    statusPayload("5000005", { wamid: send.wamid, status: s, to: send.to, recipient: null, callbackData: send.callbackData, timestamp });
  const reply = i % 3 === 0 ? { text: "something else" } : { buttonReply: { id: i % 3 === 1 ? "yes" : "no", title: i % 3 === 1 ? "Yes" : "No" } };
  return [status("sent", 1), status("delivered", 2), inboundPayload("5000005", { from: send.to!, id: `wamid.in.${group}.${i}`, timestamp: 3, ...reply }), status("read", 4)];
}

/** A copy that differs in bytes but not in meaning (Meta's retries may re-serialise). */
const reserialised = (body: string) => JSON.stringify(JSON.parse(body), null, 1);

async function conversation(group: string) {
  meta.reset();
  const automation = await publishedAutomation(graph, `Storm ${group}`);
  const runs = await startRuns(automation.id, Array.from({ length: RUNS }, (_, i) => ({ phone: `+39365${group === "orderly" ? 1 : 2}${String(i).padStart(6, "0")}` })));
  await meta.waitForSends(RUNS);
  await waitFor(async () => (await db().run.count({ where: { automationId: automation.id, status: "waiting" } })) === RUNS, { what: "every run waiting" });
  const byPhone = new Map(runs.map((r, i) => [r.phone.slice(1), i]));
  const events = meta.sends.map((send) => eventsOf(send, byPhone.get(send.to!)!, group));
  return { automation, events };
}

/** The state of a group, in terms that do not depend on ids or times. */
async function stateOf(automationId: string) {
  const runs = await db().run.findMany({
    where: { automationId },
    include: { contact: { include: { messages: { orderBy: { contactSeq: "asc" } } } }, steps: { orderBy: { seq: "asc" } } },
    orderBy: { contact: { phone: "asc" } },
  });
  return runs.map((run) => ({
    status: run.status,
    at: run.currentNodeId,
    steps: run.steps.map((s) => [s.nodeId, s.type, s.outcome, s.by].join(" ")),
    messages: run.contact.messages.map((m) => `${m.direction} ${m.text} ${m.direction === "outbound" ? m.status : ""}`),
  }));
}

async function quiet(automationId: string) {
  await waitFor(async () => (await db().webhookEvent.count({ where: { processedAt: null } })) === 0, { timeoutMs: 60_000, what: "every webhook processed" });
  // The thanks messages are sent by then too (their statuses never come: autoStatuses is off).
  await waitFor(async () => (await db().message.count({ where: { run: { automationId }, status: "pending" } })) === 0, { timeoutMs: 60_000, what: "every send done" });
}

describe("webhook storm", () => {
  it("duplicated, re-serialised and reordered statuses and replies end as an orderly delivery", async () => {
    const orderly = await conversation("orderly");
    for (const body of orderly.events.flat()) await meta.postRaw(body);
    await quiet(orderly.automation.id);

    const storm = await conversation("storm");
    // Each event three times: as is, again byte for byte (a replay), and re-serialised (a retry).
    const copies = storm.events.flatMap((events) => events.flatMap((body) => [body, body, reserialised(body)]));
    // Reordered per contact and across contacts; the reply stays after nothing in particular.
    for (let i = copies.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copies[i], copies[j]] = [copies[j]!, copies[i]!];
    }
    const started = Date.now();
    for (let i = 0; i < copies.length; i += 25) await Promise.all(copies.slice(i, i + 25).map((body) => meta.postRaw(body)));
    const postedMs = Date.now() - started;
    await quiet(storm.automation.id);

    const [expected, actual] = [await stateOf(orderly.automation.id), await stateOf(storm.automation.id)];
    console.log(`[faults] storm: ${copies.length} deliveries for ${RUNS} conversations posted in ${postedMs} ms (${Math.round(copies.length / (postedMs / 1000))}/s)`);
    expect(expected.map((r) => r.at)).toContain("thanks");
    expect(actual).toEqual(expected);
    expect(await db().webhookEvent.count()).toBe(orderly.events.flat().length + storm.events.flat().length * 2);
  }, 180_000);
});
