import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorResponse } from "../lib/api/route.ts";
import { inWorkspace } from "../lib/auth/scope.ts";
import { db } from "../lib/db.ts";
import { completeRunWait } from "../lib/engine/operator-complete.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { automationReport as reportUnscoped } from "../lib/reports/automation-report.ts";
import { reportCsv } from "../lib/reports/report-csv.ts";
import { reportQuery } from "../lib/reports/report-period.ts";
import { ENTERED, replyBucketKey } from "../lib/stats/counter-keys.ts";
import { publishAutomation } from "../lib/automations/automations.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { publishedAutomation, waitForStatus } from "./helpers/scenario.ts";

// Reports against a real database: counters in NodeCount, runs and waits as the engine stores
// them (rows written here with chosen times, and real runs through a worker).
setupTestEnvironment({ workers: 1 });

const ws = "default";
const report = (id: string, query: Record<string, string> = {}) => inWorkspace(ws, reportUnscoped)(id, reportQuery.parse(query));

const askGraph = graphOf(
  [
    ["ask", "sendMessage", { text: "Still interested?" }],
    ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" }, routes: [{ id: "yes", label: "Yes", op: "equals", value: "yes" }] }],
    ["thanks", "sendMessage", { text: "thanks" }],
    ["remind", "sendMessage", { text: "reminder" }],
  ],
  ["start->ask", "ask->wait", "wait.replied->thanks", "wait.yes->thanks", "wait.noResponse->remind"],
);

async function versionId(automationId: string, version: number) {
  return (await db().automationVersion.findUniqueOrThrow({ where: { automationId_version: { automationId, version } } })).id;
}

/** Counters as the writer stores them: spread over shards, summed by the reader. */
async function count(versionIdValue: string, nodeId: string, handle: string, total: number) {
  const half = Math.floor(total / 2);
  await db().nodeCount.createMany({
    data: [
      { versionId: versionIdValue, nodeId, handle, shard: 3, count: BigInt(half) },
      { versionId: versionIdValue, nodeId, handle, shard: 11, count: BigInt(total - half) },
    ],
  });
}

type RunSpec = { versionId: string; automationId: string; status: "running" | "waiting" | "completed" | "failed" | "cancelled"; createdAt: string; updatedAt?: string; test?: boolean };

async function insertRun(spec: RunSpec) {
  const contact = await db().contact.create({ data: { workspaceId: ws, phone: `+3934${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` } });
  return db().run.create({
    data: {
      workspaceId: ws,
      automationId: spec.automationId,
      versionId: spec.versionId,
      contactId: contact.id,
      status: spec.status,
      test: spec.test ?? false,
      createdAt: new Date(spec.createdAt),
      updatedAt: new Date(spec.updatedAt ?? spec.createdAt),
    },
  });
}

async function insertWait(run: { id: string; contactId: string }, wait: { kind?: "reply" | "delay"; status?: "completed" | "cancelled"; outcome: string | null; completedAt: string }) {
  await db().wait.create({
    data: {
      id: randomUUID(),
      runId: run.id,
      contactId: run.contactId,
      nodeId: "wait",
      runSeq: 1,
      kind: wait.kind ?? "reply",
      status: wait.status ?? "completed",
      outcome: wait.outcome,
      timeoutAt: new Date(wait.completedAt),
      createdAt: new Date(new Date(wait.completedAt).getTime() - 60_000),
      completedAt: new Date(wait.completedAt),
      completedBy: wait.status === "cancelled" ? "cancel" : "reply",
    },
  });
}

describe("the report of a version", () => {
  it("reads the funnel and reply figures from the version's counters, and the days from its real runs and waits", async () => {
    const automation = await publishedAutomation(askGraph, "Renewals");
    await inWorkspace(ws, publishAutomation)(automation.id); // version 2
    const [v1, v2] = [await versionId(automation.id, 1), await versionId(automation.id, 2)];
    for (const [node, handle, n] of [
      ["start", ENTERED, 9], ["start", "default", 9], ["ask", ENTERED, 9], ["ask", "default", 9], ["wait", ENTERED, 9],
      ["wait", "replied", 3], ["wait", "yes", 2], ["wait", "noResponse", 3], ["wait", replyBucketKey(25), 4], ["wait", replyBucketKey(1000), 1],
      ["thanks", ENTERED, 5], ["remind", ENTERED, 3],
    ] as const) await count(v2, node, handle, n);
    await count(v1, "start", ENTERED, 100);

    // Version 2's runs over three days; v1's, the simulator's and another automation's must not count.
    const other = await publishedAutomation(askGraph, "Other");
    const otherVersion = await versionId(other.id, 1);
    const day1 = (time: string) => `2026-01-10T${time}Z`;
    const day3 = (time: string) => `2026-01-12T${time}Z`;
    const a = await insertRun({ automationId: automation.id, versionId: v2, status: "completed", createdAt: day1("08:00:00"), updatedAt: day3("00:00:00") });
    const b = await insertRun({ automationId: automation.id, versionId: v2, status: "failed", createdAt: day1("23:59:59.999"), updatedAt: day1("23:59:59.999") });
    const c = await insertRun({ automationId: automation.id, versionId: v2, status: "cancelled", createdAt: day1("10:00:00"), updatedAt: day3("23:59:59") });
    const d = await insertRun({ automationId: automation.id, versionId: v2, status: "waiting", createdAt: day3("09:00:00") });
    await insertRun({ automationId: automation.id, versionId: v2, status: "completed", createdAt: "2026-01-09T23:59:59.999Z", updatedAt: "2026-01-13T00:00:00Z" });
    await insertRun({ automationId: automation.id, versionId: v1, status: "completed", createdAt: day1("09:00:00") });
    await insertRun({ automationId: automation.id, versionId: v2, status: "completed", createdAt: day1("09:00:00"), test: true });
    await insertRun({ automationId: other.id, versionId: otherVersion, status: "completed", createdAt: day1("09:00:00") });
    await insertWait(a, { outcome: "replied", completedAt: day1("08:05:00") });
    await insertWait(b, { outcome: "yes", completedAt: day1("20:00:00") });
    await insertWait(c, { outcome: "noResponse", completedAt: day3("01:00:00") });
    await insertWait(d, { outcome: "deliveryFailed", completedAt: day3("10:00:00") });
    await insertWait(d, { status: "cancelled", outcome: null, completedAt: day3("11:00:00") });
    await insertWait(a, { kind: "delay", outcome: "default", completedAt: day1("09:00:00") });

    const answer = await report(automation.id, { from: "2026-01-10", to: "2026-01-12" });
    expect(answer).toMatchObject({ automation: { id: automation.id, name: "Renewals" }, version: 2, versions: [2, 1], period: { from: "2026-01-10", to: "2026-01-12", timeZone: "UTC" } });
    expect(answer.funnel.map((s) => [s.nodeId, s.entered])).toEqual([["start", 9], ["ask", 9], ["wait", 9], ["thanks", 5], ["remind", 3]]);
    expect(Object.fromEntries(answer.funnel[2]!.exits.map((e) => [e.handle, e.count]))).toEqual({ yes: 2, replied: 3, noResponse: 3, deliveryFailed: 0 });
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0]).toMatchObject({ nodeId: "wait", position: 3, replied: 5, noResponse: 3, replyRate: 5 / 8 });
    expect(answer.replies[0]!.p50Seconds).toBeGreaterThan(10);
    expect(answer.replies[0]!.p50Seconds).toBeLessThanOrEqual(30);
    expect(answer.replies[0]!.histogram.map((h) => [h.label, h.count])).toEqual([
      ["≤ 10 s", 0], ["≤ 30 s", 4], ["≤ 1 min", 0], ["≤ 2 min", 0], ["≤ 5 min", 0], ["≤ 10 min", 0], ["≤ 30 min", 1], ["≤ 1 h", 0],
    ]);
    expect(answer.byDay).toEqual([
      { day: "2026-01-10", started: 3, completed: 0, failed: 1, cancelled: 0, replied: 2, noResponse: 0 },
      { day: "2026-01-11", started: 0, completed: 0, failed: 0, cancelled: 0, replied: 0, noResponse: 0 },
      { day: "2026-01-12", started: 1, completed: 1, failed: 0, cancelled: 1, replied: 0, noResponse: 1 },
    ]);

    const first = await report(automation.id, { version: "1", from: "2026-01-10", to: "2026-01-10" });
    expect(first.funnel[0]).toMatchObject({ nodeId: "start", entered: 100 });
    expect(first.byDay).toEqual([{ day: "2026-01-10", started: 1, completed: 1, failed: 0, cancelled: 0, replied: 0, noResponse: 0 }]);

    const csv = reportCsv(answer).split("\r\n");
    expect(csv.slice(0, 3)).toEqual(['"Report"', '"Automation","Renewals"', '"Version","2"']);
    expect(csv).toContain('"2026-01-12","1","1","0","1","0","1"');
  });

  it("counts real runs through the engine on today's row: started, completed, replied and skipped", async () => {
    const automation = await publishedAutomation(askGraph, "Live");
    const [replier, silent] = await startRuns(automation.id, [{ phone: "+393470000001" }, { phone: "+393470000002" }]);
    for (const run of [replier!, silent!]) await waitForStatus(run.id, ["waiting"]);
    await receiveInbound({ from: "+393470000001", text: "yes" });
    await completeRunWait(ws, silent!.id, "noResponse", { type: "system", id: null, label: "Olga" });
    for (const run of [replier!, silent!]) await waitForStatus(run.id, ["completed"]);

    const answer = await report(automation.id);
    expect(answer.byDay).toHaveLength(30);
    expect(answer.byDay.slice(0, -1).every((d) => d.started + d.completed + d.replied + d.noResponse === 0)).toBe(true);
    expect(answer.byDay.at(-1)).toMatchObject({ started: 2, completed: 2, failed: 0, cancelled: 0, replied: 1, noResponse: 1 });
    // The engine's own counters (lib/engine/transition.ts) feed the funnel and the reply figures.
    expect(answer.funnel.find((s) => s.nodeId === "wait")?.entered).toBe(2);
    expect(answer.replies[0]).toMatchObject({ nodeId: "wait", replied: 1, noResponse: 1, replyRate: 0.5 });
    expect(answer.replies[0]!.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(1);
  });
});

describe("what the report refuses", () => {
  it("is 404 for another workspace's automation or an unknown version, and empty before publishing", async () => {
    const automation = await publishedAutomation(askGraph, "Mine");
    const otherWorkspace = await db().workspace.create({ data: { name: "Theirs" } });
    await expect(inWorkspace(otherWorkspace.id, reportUnscoped)(automation.id, {})).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(report(automation.id, { version: "7" })).rejects.toMatchObject({ code: "not_found", status: 404 });

    const draft = await db().automation.create({ data: { workspaceId: ws, name: "Draft only", draftGraph: JSON.parse(JSON.stringify(askGraph)) } });
    const empty = await report(draft.id, { from: "2026-01-01", to: "2026-01-07" });
    expect(empty).toMatchObject({ version: null, versions: [], funnel: [], replies: [] });
    expect(empty.byDay.map((d) => d.day)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06", "2026-01-07"]);
  });

  it("answers a bad period with a 400 in the error shape, never a 500", async () => {
    const automation = await publishedAutomation(askGraph, "Periods");
    type Answer = { status: number; body: { error?: string; issues?: { path?: string }[] } };
    const statusOf = async (query: Record<string, string>): Promise<Answer> => {
      try {
        await report(automation.id, query);
        return { status: 200, body: {} };
      } catch (error) {
        const response = errorResponse(error);
        return { status: response.status, body: (await response.json()) as Answer["body"] };
      }
    };
    for (const query of [{ from: "2026-02-01", to: "2026-01-01" }, { from: "2024-01-01", to: "2026-01-01" }, { from: "2026-13-01" }, { to: "tomorrow" }, { version: "-1" }] as Record<string, string>[]) {
      const { status, body } = await statusOf(query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(typeof body.error).toBe("string");
      expect(body.issues?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect((await statusOf({ from: "2025-01-01", to: "2026-01-01" })).status).toBe(200);
  });
});
