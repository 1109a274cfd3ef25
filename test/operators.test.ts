import { describe, expect, it } from "vitest";
import type { Actor } from "../lib/auth/scope.ts";
import { db } from "../lib/db.ts";
import { AppError } from "../lib/errors.ts";
import { bulkBody, bulkRuns, exitAllAutomations } from "../lib/engine/operator-actions.ts";
import { completeRunWait } from "../lib/engine/operator-complete.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { outboundTexts, publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";

setupTestEnvironment({ workers: 1 });

const operator: Actor = { type: "system", id: null, label: "Olga Operator" };
const ws = "default";

/** Ask, wait an hour, then say which path the run took. */
const askGraph = graphOf(
  [
    ["ask", "sendMessage", { text: "Still interested?" }],
    ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }],
    ["thanks", "sendMessage", { text: "thanks" }],
    ["remind", "sendMessage", { text: "reminder" }],
  ],
  ["start->ask", "ask->wait", "wait.replied->thanks", "wait.noResponse->remind"],
);

const conflict = (promise: Promise<unknown>) => expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === "conflict");

describe("complete-wait", () => {
  it("skips the wait (noResponse) or treats it as replied, with the operator in history; 409 once nothing waits", async () => {
    const automation = await publishedAutomation(askGraph);
    const [skip, replied] = await startRuns(automation.id, [{ phone: "+393410000001" }, { phone: "+393410000002" }]);
    for (const run of [skip!, replied!]) await waitForStatus(run.id, ["waiting"]);

    expect(await completeRunWait(ws, skip!.id, "noResponse", operator)).toEqual({ status: "completed" });
    expect(await completeRunWait(ws, replied!.id, "replied", operator)).toEqual({ status: "completed" });
    expect(await outboundTexts(skip!.id)).toEqual(["Still interested?", "reminder"]);
    expect(await outboundTexts(replied!.id)).toEqual(["Still interested?", "thanks"]);
    const step = (await runOf(skip!.id)).steps.find((s) => s.by === "operator");
    expect(step).toMatchObject({ nodeId: "wait", outcome: "noResponse" });
    expect(step?.detail).toContain("Olga Operator");

    await conflict(completeRunWait(ws, skip!.id, "noResponse", operator));
    // A reply arriving afterwards completes nothing: the wait is over.
    expect((await receiveInbound({ from: "+393410000001", text: "yes" })).completedWaits).toBe(0);
    await expect(completeRunWait("another-workspace", replied!.id, "replied", operator)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
  });

  it("refuses cleanly when the run moved on meanwhile (a reply won first), and a delay can only be skipped", async () => {
    const automation = await publishedAutomation(askGraph);
    const [run] = await startRuns(automation.id, [{ phone: "+393410000003" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await receiveInbound({ from: "+393410000003", text: "yes" });
    await conflict(completeRunWait(ws, run!.id, "noResponse", operator));
    expect(await outboundTexts(run!.id)).toEqual(["Still interested?", "thanks"]);

    const delayed = await publishedAutomation(graphOf([["pause", "delay", { duration: { amount: 1, unit: "days" } }], ["after", "sendMessage", { text: "after" }]], ["start->pause", "pause->after"]));
    const [late] = await startRuns(delayed.id, [{ phone: "+393410000004" }]);
    await waitForStatus(late!.id, ["waiting"]);
    await conflict(completeRunWait(ws, late!.id, "replied", operator));
    expect(await completeRunWait(ws, late!.id, "noResponse", operator)).toEqual({ status: "completed" });
    expect(await outboundTexts(late!.id)).toEqual(["after"]);
  });
});

describe("bulk", () => {
  it("skips the waits of every matching run once, in chunks with a cursor, and leaves the others", async () => {
    const automation = await publishedAutomation(askGraph);
    const phones = Array.from({ length: 30 }, (_, i) => ({ phone: `+39342${String(i).padStart(7, "0")}` }));
    const runs = await startRuns(automation.id, phones);
    for (const run of runs) await waitForStatus(run.id, ["waiting"]);
    const other = await publishedAutomation(askGraph);
    const [untouched] = await startRuns(other.id, [{ phone: "+393439999999" }]);
    await waitForStatus(untouched!.id, ["waiting"]);

    let cursor: string | undefined;
    const progress: number[] = [];
    let affected = 0;
    do {
      const page = await bulkRuns(ws, bulkBody.parse({ action: "skipWait", automationId: automation.id, nodeId: "wait", limit: 12, cursor }), operator);
      affected += page.affected;
      progress.push(page.processed);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(affected).toBe(30);
    expect(progress).toEqual([12, 12, 6]);
    for (const run of runs) expect(await outboundTexts(run.id)).toEqual(["Still interested?", "reminder"]);
    expect((await runOf(untouched!.id)).status).toBe("waiting");

    const cancelled = await bulkRuns(ws, { action: "cancel", automationId: other.id }, operator);
    expect(cancelled).toEqual({ affected: 1, processed: 1, nextCursor: null });
    expect((await runOf(untouched!.id)).status).toBe("cancelled");
    // Another workspace's bulk sees none of these runs.
    expect((await bulkRuns("another-workspace", { action: "cancel", status: "waiting" }, operator)).affected).toBe(0);
  });
});

describe("exit-automations and handoff", () => {
  it("cancels every active run of the contact; a handoff opens one conversation per contact and a reply still completes waits", async () => {
    const handoff = await publishedAutomation(graphOf(
      [["hand", "handoff", { note: "Wants a refund" }], ["ask", "sendMessage", { text: "A person will answer" }], ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["done", "end"]],
      ["start->hand", "hand->ask", "ask->wait", "wait.replied->done", "wait.noResponse->done"],
    ));
    const phone = "+393440000001";
    const [first] = await startRuns(handoff.id, [{ phone }]);
    await waitForStatus(first!.id, ["waiting"]);
    const [second] = await startRuns(handoff.id, [{ phone }]);
    await waitForStatus(second!.id, ["waiting"]);
    const conversations = await db().conversation.findMany({ where: { contact: { phone } } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ status: "open", note: "Wants a refund", runId: second!.id, nodeId: "hand", lastInboundAt: null });

    expect((await receiveInbound({ from: phone, text: "hello?" })).completedWaits).toBe(2);
    const touched = await db().conversation.findUniqueOrThrow({ where: { id: conversations[0]!.id } });
    expect(touched.lastInboundAt).not.toBeNull();

    const again = [...await startRuns(handoff.id, [{ phone }]), ...await startRuns((await publishedAutomation(askGraph)).id, [{ phone }])];
    for (const run of again) await waitForStatus(run.id, ["waiting"]);
    expect(await exitAllAutomations(ws, phone, operator)).toEqual({ cancelled: 2, contactKey: phone });
    for (const run of again) expect((await runOf(run.id)).status).toBe("cancelled");
    expect((await exitAllAutomations(ws, phone, operator)).cancelled).toBe(0);
    await expect(exitAllAutomations(ws, "+393449999999", operator)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
  });
});
