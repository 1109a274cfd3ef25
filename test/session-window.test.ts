import { expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, waitForStatus, withData } from "./helpers/scenario.ts";

// The sandbox simulating WhatsApp's 24-hour rule, as the WhatsApp channel always enforces it.
setupTestEnvironment({ workers: 1, env: { SANDBOX_SESSION_WINDOW: "enforce" } });
const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });

it("free text to a contact who never wrote fails the run with a clear reason, and sends nothing", async () => {
  const automation = await publishedAutomation(oneHour());
  const [run] = await startRuns(automation.id, [{ phone: "+393332000001" }]);
  await waitForStatus(run!.id, ["failed"]);
  const done = await runOf(run!.id);
  expect(done.failureReason).toMatch(/24-hour window is closed.*approved template/);
  expect(done.currentNodeId).toBe("ask");
  expect(await outboundTexts(run!.id)).toEqual([]);
});

it("free text goes out within 24 hours of the contact's last message", async () => {
  await receiveInbound({ from: "+393332000002", text: "hello" });
  const automation = await publishedAutomation(oneHour());
  const [run] = await startRuns(automation.id, [{ phone: "+393332000002" }]);
  await waitForStatus(run!.id, ["waiting"]);
  expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?"]);
});

it("the window closes 24 hours after the contact's last message", async () => {
  await receiveInbound({ from: "+393332000003", text: "hello" });
  await db().$executeRaw`UPDATE "Message" SET at = now() - interval '24 hours 1 second' WHERE direction = 'inbound' AND "contactId" = (SELECT id FROM "Contact" WHERE phone = '+393332000003')`;
  const automation = await publishedAutomation(oneHour());
  const [run] = await startRuns(automation.id, [{ phone: "+393332000003" }]);
  await waitForStatus(run!.id, ["failed"]);
});

it("an approved template reaches a contact outside the window; their reply opens it for free text", async () => {
  const automation = await publishedAutomation(withData(oneHour(), { ask: { template: "plan_activation" } }));
  const [run] = await startRuns(automation.id, [{ phone: "+393332000004" }]);
  await waitForStatus(run!.id, ["waiting"]);
  await receiveInbound({ from: "+393332000004", text: "yes" });
  await waitForStatus(run!.id, ["completed"]);
  expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: yes"]);
});

it("the window is per channel: a message on another channel does not open it", async () => {
  await receiveInbound({ from: "+393332000005", text: "hello", channel: "whatsapp" });
  const automation = await publishedAutomation(oneHour());
  const [run] = await startRuns(automation.id, [{ phone: "+393332000005" }]);
  await waitForStatus(run!.id, ["failed"]);
  expect((await runOf(run!.id)).failureReason).toMatch(/24-hour window is closed/);
});
