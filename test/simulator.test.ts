import { describe, expect, it } from "vitest";
import { withAccess, type Access } from "../lib/auth/scope.ts";
import { createAutomation, publishAutomation, updateAutomation } from "../lib/automations/automations.ts";
import { listContacts } from "../lib/contacts/list-contacts.ts";
import { db } from "../lib/db.ts";
import { AppError } from "../lib/errors.ts";
import { startTestRun } from "../lib/simulator/start-test-run.ts";
import { replyToTestRun, skipTestWait } from "../lib/simulator/test-run-actions.ts";
import { automationStats } from "../lib/stats/automation-stats.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { outboundTexts, waitForStatus } from "./helpers/scenario.ts";

setupTestEnvironment({ workers: 1 });

const ada: Access = { workspaceId: "default", role: "editor", actor: { type: "user", id: "user-ada", label: "Ada" } };
const bob: Access = { workspaceId: "default", role: "editor", actor: { type: "user", id: "user-bob", label: "Bob" } };
const as = <T>(access: Access, fn: () => Promise<T>) => withAccess(access, fn);

const draft = graphOf(
  [
    ["ask", "sendMessage", { text: "Still interested?" }],
    ["wait", "customerResponse", { timeout: { amount: 2, unit: "days" } }],
    ["thanks", "sendMessage", { text: "thanks: {{lastReply}}" }],
    ["remind", "sendMessage", { text: "reminder" }],
  ],
  ["start->ask", "ask->wait", "wait.replied->thanks", "wait.noResponse->remind"],
);

const notFound = (promise: Promise<unknown>) => expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");

describe("simulator", () => {
  it("runs an unpublished draft for the tester's own test contact, down both paths, without a timer", async () => {
    const automation = await as(ada, () => createAutomation({ name: "Draft only" }));
    const first = await as(ada, () => startTestRun(automation.id, { graph: draft }));
    expect(first.version).toBe(-1);
    expect(first.contactKey).toBe("user:simulator.user-ada");
    await waitForStatus(first.runId, ["waiting"]);
    await as(ada, () => replyToTestRun(automation.id, first.runId, { text: "yes please" }));
    await waitForStatus(first.runId, ["completed"]);
    expect(await outboundTexts(first.runId)).toEqual(["Still interested?", "thanks: yes please"]);

    const second = await as(ada, () => startTestRun(automation.id, { graph: draft }));
    expect(second.version).toBe(-2);
    await waitForStatus(second.runId, ["waiting"]);
    // Bob cannot touch Ada's test run.
    await notFound(as(bob, () => skipTestWait(automation.id, second.runId)));
    expect(await as(ada, () => skipTestWait(automation.id, second.runId))).toEqual({ status: "completed" });
    expect(await outboundTexts(second.runId)).toEqual(["Still interested?", "reminder"]);

    // Sandbox only, flagged, out of the contacts list; publishing still starts at version 1.
    const runs = await db().run.findMany({ where: { id: { in: [first.runId, second.runId] } }, include: { contact: true, messages: true } });
    for (const run of runs) {
      expect(run.test).toBe(true);
      expect(run.contact.test).toBe(true);
      expect(run.messages.every((m) => m.channel === "sandbox")).toBe(true);
    }
    const { contacts } = await as(ada, () => listContacts({ limit: 100 }));
    expect(contacts.some((c) => c.waUserId === "simulator.user-ada")).toBe(false);
    // The saved draft was never touched (still empty); saved and published, it is version 1.
    await as(ada, () => updateAutomation(automation.id, { graph: draft }));
    expect(await as(ada, () => publishAutomation(automation.id))).toEqual({ version: 1 });
    await notFound(as(ada, () => automationStats(automation.id, -1)));
  });

  it("cancels the tester's earlier test run, never counts in stats, and refuses a draft with problems", async () => {
    const automation = await as(ada, () => createAutomation({ name: "Published, then tested", graph: draft }));
    await as(ada, () => publishAutomation(automation.id));
    const before = await as(ada, () => automationStats(automation.id));

    const earlier = await as(ada, () => startTestRun(automation.id, { graph: draft }));
    await waitForStatus(earlier.runId, ["waiting"]);
    const later = await as(ada, () => startTestRun(automation.id, { graph: draft }));
    await waitForStatus(earlier.runId, ["cancelled"]);
    await waitForStatus(later.runId, ["waiting"]);
    await as(ada, () => replyToTestRun(automation.id, later.runId, { text: "ok" }));
    await waitForStatus(later.runId, ["completed"]);
    expect(await as(ada, () => automationStats(automation.id))).toEqual(before);

    const broken = { ...draft, edges: draft.edges.filter((e) => e.target !== "remind") };
    await expect(as(ada, () => startTestRun(automation.id, { graph: broken }))).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "invalid_graph" && (e.issues?.length ?? 0) > 0,
    );
    await notFound(as({ ...ada, workspaceId: "elsewhere" }, () => startTestRun(automation.id, { graph: draft })));
  });

  it("a Handoff in a test goes on without opening a conversation in the inbox", async () => {
    const automation = await as(ada, () => createAutomation({ name: "Handoff draft" }));
    const handoff = graphOf([["hand", "handoff", { note: "Test" }], ["after", "sendMessage", { text: "after" }]], ["start->hand", "hand->after"]);
    const run = await as(ada, () => startTestRun(automation.id, { graph: handoff }));
    await waitForStatus(run.runId, ["completed"]);
    expect(await outboundTexts(run.runId)).toEqual(["after"]);
    expect(await db().conversation.count({ where: { runId: run.runId } })).toBe(0);
  });
});
