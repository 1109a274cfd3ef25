import { describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { graphOf } from "./helpers/graph-builder.ts";
import { outboundTexts, publishedAutomation, runOf, waitForStatus } from "./helpers/scenario.ts";
import { inWorkspace } from "../lib/auth/scope.ts";
import * as automations from "../lib/automations/automations.ts";

const createAutomation = inWorkspace("default", automations.createAutomation);
const publishAutomation = inWorkspace("default", automations.publishAutomation);
const updateAutomation = inWorkspace("default", automations.updateAutomation);

setupTestEnvironment({ workers: 1 });

const send = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });
const contact = (phone: string, data: { fields?: Record<string, string>; tags?: string[] }) =>
  db().contact.create({ data: { workspaceId: "default", phone, fields: data.fields ?? {}, tags: data.tags ?? [] } });
const outcomes = async (runId: string) => (await runOf(runId)).steps.filter((s) => s.outcome).map((s) => `${s.nodeId}:${s.outcome}`);

describe("Condition", () => {
  const graph = graphOf(
    [
      ["check", "condition", { combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "VIP" }, { subject: "contact.fields.city", op: "equals", value: "milano" }] }],
      ["yes", "sendMessage", send("Ciao {{contact.fields.city}} VIP")],
      ["no", "sendMessage", send("Hello {{contact.fields.city | friend}}")],
    ],
    ["start->check", "check.true->yes", "check.false->no"],
  );

  it("takes true when every rule holds (tags and text ignore case, text is trimmed), else false", async () => {
    const automation = await publishedAutomation(graph);
    await contact("+393400000001", { tags: ["vip"], fields: { city: " Milano " } });
    await contact("+393400000002", { tags: ["vip"], fields: { city: "Roma" } });
    await contact("+393400000003", { tags: [] });
    const runs = await startRuns(automation.id, [{ phone: "+393400000001" }, { phone: "+393400000002" }, { phone: "+393400000003" }]);
    for (const run of runs) await waitForStatus(run.id, ["completed"]);
    expect(await Promise.all(runs.map((r) => outcomes(r.id)))).toEqual([["check:true"], ["check:false"], ["check:false"]]);
    // Compared trimmed, but sent as stored.
    expect(await outboundTexts(runs[0]!.id)).toEqual(["Ciao  Milano  VIP"]);
    expect(await outboundTexts(runs[2]!.id)).toEqual(["Hello friend"]);
  });

  it("any: one rule is enough", async () => {
    const any = { ...graph, nodes: graph.nodes.map((n) => (n.id === "check" ? { ...n, data: { ...n.data, combine: "any" } } : n)) };
    const automation = await publishedAutomation(any);
    const [run] = await startRuns(automation.id, [{ phone: "+393400000002" }]);
    await waitForStatus(run!.id, ["completed"]);
    expect(await outcomes(run!.id)).toEqual(["check:true"]);
  });
});

describe("Branch, Tag and Set field", () => {
  it("tags and fields set by a step are seen by the next one in the same run, and stored", async () => {
    const automation = await publishedAutomation(graphOf(
      [
        ["tag", "tag", { add: ["Lead", "new"], remove: ["NEW", "old"] }],
        ["set", "setField", { field: "plan", value: "{{contact.fields.tier | basic}}" }],
        ["route", "branch", { subject: "contact.fields.plan", cases: [{ id: "gold", op: "equals", value: "gold" }, { id: "basic", op: "equals", value: "basic" }] }],
        ["g", "sendMessage", send("gold")],
        ["b", "sendMessage", send("basic for {{contact.fields.plan}}")],
        ["e", "sendMessage", send("else")],
      ],
      ["start->tag", "tag->set", "set->route", "route.gold->g", "route.basic->b", "route.else->e"],
    ));
    await contact("+393400000010", { tags: ["old", "Keep"] });
    await contact("+393400000011", { fields: { tier: "gold" } });
    const runs = await startRuns(automation.id, [{ phone: "+393400000010" }, { phone: "+393400000011" }]);
    for (const run of runs) await waitForStatus(run.id, ["completed"]);
    expect(await outcomes(runs[0]!.id)).toEqual(["route:basic"]);
    expect(await outboundTexts(runs[0]!.id)).toEqual(["basic for basic"]);
    expect(await outcomes(runs[1]!.id)).toEqual(["route:gold"]);
    const first = await db().contact.findUniqueOrThrow({ where: { id: runs[0]!.contactId } });
    expect(first.tags).toEqual(["Keep", "Lead"]);
    expect(first.fields).toEqual({ plan: "basic" });
  });

  it("a value that is empty once filled in removes the field; no case matching takes else", async () => {
    const automation = await publishedAutomation(graphOf(
      [
        ["set", "setField", { field: "plan", value: "{{contact.fields.missing}}" }],
        ["route", "branch", { subject: "contact.fields.plan", cases: [{ id: "any", op: "exists" }] }],
        ["e", "end", {}],
        ["a", "end", {}],
      ],
      ["start->set", "set->route", "route.any->a", "route.else->e"],
    ));
    await contact("+393400000012", { fields: { plan: "old" } });
    const [run] = await startRuns(automation.id, [{ phone: "+393400000012" }]);
    await waitForStatus(run!.id, ["completed"]);
    expect(await outcomes(run!.id)).toEqual(["route:else"]);
    expect((await db().contact.findUniqueOrThrow({ where: { id: run!.contactId } })).fields).toEqual({});
  });
});

describe("Delay", () => {
  it("is a wait of kind delay that a reply does not end; its timer takes the run on", async () => {
    const automation = await publishedAutomation(graphOf(
      [["pause", "delay", { duration: { amount: 5, unit: "seconds" } }], ["after", "sendMessage", send("after the delay")]],
      ["start->pause", "pause->after"],
    ));
    const [run] = await startRuns(automation.id, [{ phone: "+393400000020" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const { waits } = await runOf(run!.id);
    expect(waits).toMatchObject([{ kind: "delay", status: "pending", nodeId: "pause" }]);
    await receiveInbound({ from: "+393400000020", text: "hello?" });
    expect((await runOf(run!.id)).status).toBe("waiting");
    await waitForStatus(run!.id, ["completed"], 20_000);
    const done = await runOf(run!.id);
    expect(done.waits[0]).toMatchObject({ status: "completed", completedBy: "timeout" });
    expect(done.steps.find((s) => s.type === "delay" && s.by === "timeout")!.at.getTime()).toBeGreaterThanOrEqual(waits[0]!.timeoutAt.getTime());
    expect(await outboundTexts(run!.id)).toEqual(["after the delay"]);
  });

  it("until a local time: the wait is due at the next such time in the zone", async () => {
    const automation = await publishedAutomation(graphOf(
      [["pause", "delay", { until: { time: "09:00", weekdays: ["mon", "tue", "wed", "thu", "fri"], timezone: "Europe/Rome" } }], ["x", "end", {}]],
      ["start->pause", "pause->x"],
    ));
    const [run] = await startRuns(automation.id, [{ phone: "+393400000021" }]);
    await waitForStatus(run!.id, ["waiting"]);
    const [wait] = (await runOf(run!.id)).waits;
    const due = wait!.timeoutAt;
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Rome", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(due);
    expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(due.getTime() - Date.now()).toBeLessThan(4 * 86400_000);
  });
});

describe("Customer Response routes and buttons", () => {
  const graph = graphOf(
    [
      ["ask", "sendMessage", send("Need help?", { buttons: [{ id: "talk", title: "Talk to us" }, { id: "fine", title: "All good" }] })],
      ["wait", "customerResponse", { timeout: { amount: 1, unit: "hours" }, saveReplyTo: "answer", routes: [
        { id: "operator", label: "Operator", op: "contains", value: "operator" },
        { id: "talkRoute", label: "Talk", op: "equals", value: "talk" },
      ] }],
      ["op", "end", {}], ["talk", "end", {}], ["ok", "end", {}], ["late", "end", {}],
    ],
    ["start->ask", "ask->wait", "wait.operator->op", "wait.talkRoute->talk", "wait.replied->ok", "wait.noResponse->late"],
  );

  it("a reply takes the first route it matches, a button press (by id or typed title) its route, else replied", async () => {
    const automation = await publishedAutomation(graph);
    const phones = ["+393400000030", "+393400000031", "+393400000032", "+393400000033"];
    const runs = await startRuns(automation.id, phones.map((phone) => ({ phone })));
    for (const run of runs) await waitForStatus(run.id, ["waiting"]);
    await receiveInbound({ from: phones[0]!, text: "I want an OPERATOR please" });
    await receiveInbound({ from: phones[1]!, text: "Talk to us", buttonId: "talk" });
    await receiveInbound({ from: phones[2]!, text: "  talk to US " });
    await receiveInbound({ from: phones[3]!, text: "thanks" });
    for (const run of runs) await waitForStatus(run.id, ["completed"]);
    expect(await Promise.all(runs.map((r) => outcomes(r.id)))).toEqual([["wait:operator"], ["wait:talkRoute"], ["wait:talkRoute"], ["wait:replied"]]);
    const saved = await db().contact.findUniqueOrThrow({ where: { id: runs[3]!.contactId } });
    expect(saved.fields).toEqual({ answer: "thanks" });
    const sent = await db().message.findFirstOrThrow({ where: { runId: runs[0]!.id, direction: "outbound" } });
    expect(sent.buttons).toEqual([{ id: "talk", title: "Talk to us" }, { id: "fine", title: "All good" }]);
  });
});

describe("Start and exit automations", () => {
  it("starts another automation for the contact (not twice), and Exit automations cancels the others", async () => {
    const holding = await publishedAutomation(graphOf([["hold", "customerResponse", { timeout: { amount: 1, unit: "hours" } }], ["r", "end", {}], ["n", "end", {}]], ["start->hold", "hold.replied->r", "hold.noResponse->n"]), "Holding");
    const starter = await publishedAutomation(graphOf([["go", "startAutomation", { automationId: holding.id }], ["x", "end", {}]], ["start->go", "go->x"]), "Starter");
    const exiter = await publishedAutomation(graphOf([["out", "exitAutomations", { scope: "others" }], ["x", "end", {}]], ["start->out", "out->x"]), "Exiter");
    const phone = "+393400000040";
    const [first] = await startRuns(starter.id, [{ phone }]);
    await waitForStatus(first!.id, ["completed"]);
    const started = await db().run.findMany({ where: { automationId: holding.id, contactId: first!.contactId } });
    expect(started).toHaveLength(1);
    await waitForStatus(started[0]!.id, ["waiting"]);
    expect(started[0]!.depth).toBe(1);

    const [second] = await startRuns(starter.id, [{ phone }]);
    await waitForStatus(second!.id, ["completed"]);
    expect((await runOf(second!.id)).steps.find((s) => s.nodeId === "go")?.detail).toContain("already in that automation");
    expect(await db().run.count({ where: { automationId: holding.id } })).toBe(1);

    const [exit] = await startRuns(exiter.id, [{ phone }]);
    await waitForStatus(exit!.id, ["completed"]);
    const cancelled = await runOf(started[0]!.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.waits[0]).toMatchObject({ status: "cancelled" });
    expect(cancelled.steps.at(-1)?.detail).toContain(exit!.id);
  });
});

describe("Webhook without WEBHOOK_ALLOW_PRIVATE", () => {
  it("refuses a loopback address at once, without retrying, and takes failure", async () => {
    const automation = await publishedAutomation(graphOf(
      [["call", "webhook", { method: "GET", url: "http://127.0.0.1:9/internal", retries: 3 }], ["ok", "end", {}], ["ko", "end", {}]],
      ["start->call", "call.success->ok", "call.failure->ko"],
    ));
    const [run] = await startRuns(automation.id, [{ phone: "+393400000050" }]);
    await waitForStatus(run!.id, ["completed"]);
    const done = await runOf(run!.id);
    expect(done.waits).toEqual([]);
    expect(done.steps.find((s) => s.outcome === "failure")?.detail).toMatch(/127\.0\.0\.1/);
    expect(await db().webhookCall.findMany({ where: { runId: run!.id } })).toMatchObject([{ attempt: 1, status: "done", responseStatus: null }]);
  });
});

describe("publish checks that need the database", () => {
  it("refuses a Start automation aimed at itself, at nothing, or at an automation with nothing published, naming the node", async () => {
    const draftOnly = await createAutomation({ name: "Draft only" });
    const graph = (automationId: string) => graphOf([["go", "startAutomation", { automationId }]], ["start->go"]);
    const self = await createAutomation({ name: "Self", graph: graph("placeholder") });
    await updateAutomation(self.id, { graph: graph(self.id) });
    const issues = async (id: string) => publishAutomation(id).then(() => [], (error: { issues?: unknown[] }) => error.issues ?? []);
    expect(await issues(self.id)).toEqual([{ nodeId: "go", path: "automationId", message: "Start automation: an automation cannot start itself" }]);
    await updateAutomation(self.id, { graph: graph(draftOnly.id) });
    expect(await issues(self.id)).toEqual([{ nodeId: "go", path: "automationId", message: 'Start automation: "Draft only" has nothing published yet' }]);
    await updateAutomation(self.id, { graph: graph("no-such-automation") });
    expect(await issues(self.id)).toEqual([{ nodeId: "go", path: "automationId", message: "Start automation: the chosen automation does not exist" }]);
  });
});
