import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  allPages,
  contactMessages,
  createAutomation,
  expectError,
  expectIssues,
  expectJson,
  expectNoTraceOf,
  getAutomation,
  getRun,
  type Graph,
  listRuns,
  MiB,
  messagesUrl,
  paddedBody,
  publishedAutomation,
  REMINDER_TEXT,
  replyOrRemind,
  runsPage,
  signature,
  startRuns,
  uniqueName,
  uniquePhone,
  waitForRunStatus,
  whatsappText,
} from "./helpers/api";

/**
 * The public HTTP contract of DESIGN.md, end to end over HTTP against the real app (next start,
 * two workers, Postgres): every endpoint's happy path and shape, and what bad input gets (a 4xx
 * with `{error, issues?}`, never a 5xx or a stack trace, and nothing changed).
 */

const json = { "content-type": "application/json" };

/**
 * A raw body, byte for byte, as a misbehaving client would send it (a string with a JSON content
 * type would be re-encoded by Playwright when it does not parse).
 */
const raw = (data: string, headers: Record<string, string> = json) => ({ data: Buffer.from(data, "utf8"), headers });

test.describe("health", () => {
  test("answers ok when the database and the queue answer", async ({ request }) => {
    expect(await expectJson(await request.get("/api/health"), 200)).toEqual({ ok: true });
  });
});

test.describe("automations", () => {
  test("create, get, save a draft, publish versions", async ({ request }) => {
    const name = uniqueName("Contract");
    const created = await createAutomation(request, undefined, name);
    expect(created).toMatchObject({ id: expect.any(String), name });
    // A new automation starts with its trigger.
    expect(created.graph.edges).toEqual([]);
    expect(created.graph.nodes).toEqual([expect.objectContaining({ type: "trigger", data: {} })]);
    expect(await getAutomation(request, created.id)).toMatchObject({ id: created.id, name, graph: created.graph, publishedVersion: null });

    // A draft may be incomplete: only its shape is checked.
    const draft: Graph = { nodes: [...created.graph.nodes, { id: "w", type: "customerResponse", position: { x: 1, y: 2 }, data: {} }], edges: [] };
    const saved = await expectJson(await request.put(`/api/automations/${created.id}`, { data: { graph: draft } }), 200);
    expect(saved).toMatchObject({ id: created.id, name, graph: draft });

    const renamed = `${name} (renamed)`;
    const graph = replyOrRemind({ amount: 1, unit: "hours" });
    await expectJson(await request.put(`/api/automations/${created.id}`, { data: { name: renamed, graph } }), 200);
    expect(await getAutomation(request, created.id)).toMatchObject({ name: renamed, graph, publishedVersion: null });

    expect(await expectJson(await request.post(`/api/automations/${created.id}/publish`), 201)).toEqual({ version: 1 });
    expect(await expectJson(await request.post(`/api/automations/${created.id}/publish`), 201)).toEqual({ version: 2 });
    expect((await getAutomation(request, created.id)).publishedVersion).toBe(2);
  });

  test("create accepts a graph and keeps its node data", async ({ request }) => {
    const graph = replyOrRemind({ amount: 5, unit: "seconds" });
    const created = await createAutomation(request, graph);
    expect(created.graph).toEqual(graph);
  });

  test("malformed JSON and wrong shapes are 400 and create nothing", async ({ request }) => {
    const name = uniqueName("Never created");
    const cases = [
      raw(`{"name": "${name}"`),
      raw("not json at all"),
      raw(""),
    ];
    for (const body of cases) {
      const error = await expectError(await request.post("/api/automations", body), 400);
      expect(error.error).toBeTruthy();
    }
    await expectIssues(await request.post("/api/automations", { data: {} }), 400, { path: "name" });
    await expectIssues(await request.post("/api/automations", { data: { name: 42 } }), 400, { path: "name" });
    await expectIssues(await request.post("/api/automations", { data: { name: "   " } }), 400, { path: "name" });
    await expectIssues(await request.post("/api/automations", { data: [name] }), 400, {});
    await expectIssues(await request.post("/api/automations", { data: { name, graph: { nodes: "many" } } }), 400, {
      path: "graph.nodes",
    });
    await expectIssues(
      await request.post("/api/automations", {
        data: { name, graph: { nodes: [{ id: "x", type: "teleport", position: { x: 0, y: 0 }, data: {} }], edges: [] } },
      }),
      400,
      { path: "graph.nodes.0.type" },
    );
    await expectIssues(
      await request.post("/api/automations", {
        data: { name, graph: { nodes: [], edges: [{ id: "e", source: "a" }] } },
      }),
      400,
      { path: "graph.edges.0.target" },
    );

    const { automations } = await expectJson<{ automations: { name: string }[] }>(await request.get("/api/automations"), 200);
    expect(automations.map((a) => a.name)).not.toContain(name);
  });

  test("a rejected PUT leaves the draft as it was", async ({ request }) => {
    const graph = replyOrRemind();
    const automation = await createAutomation(request, graph);
    const url = `/api/automations/${automation.id}`;

    await expectError(await request.put(url, raw('{"graph": {"nodes": [')), 400);
    await expectIssues(await request.put(url, { data: { name: "Only a name" } }), 400, { path: "graph" });
    await expectIssues(await request.put(url, { data: { name: "", graph } }), 400, { path: "name" });
    await expectIssues(
      await request.put(url, { data: { graph: { nodes: [{ id: "t", type: "trigger", position: { x: "left", y: 0 } }], edges: [] } } }),
      400,
      { path: "graph.nodes.0.position.x" },
    );
    await expectError(await request.put(url, raw(paddedBody({ graph: { nodes: [], edges: [] } }, MiB), json)), 413);

    expect(await getAutomation(request, automation.id)).toMatchObject({ name: automation.name, graph, publishedVersion: null });
  });

  test("bodies over 1 MiB are 413", async ({ request }) => {
    const name = uniqueName("Too big");
    await expectError(await request.post("/api/automations", raw(paddedBody({ name }, MiB))), 413);
    const { automations } = await expectJson<{ automations: { name: string }[] }>(await request.get("/api/automations"), 200);
    expect(automations.map((a) => a.name)).not.toContain(name);
  });

  test("unknown automation ids are 404", async ({ request }) => {
    const id = "does-not-exist";
    await expectError(await request.get(`/api/automations/${id}`), 404);
    await expectError(await request.put(`/api/automations/${id}`, { data: { graph: replyOrRemind() } }), 404);
    await expectError(await request.post(`/api/automations/${id}/publish`), 404);
    await expectError(await request.post(`/api/automations/${id}/runs`, { data: { contacts: [{ phone: uniquePhone() }] } }), 404);
  });

  test("the list pages with a cursor, most recently edited first, without graphs", async ({ request }) => {
    type Summary = { id: string; name: string; publishedVersion: number | null; updatedAt: string };
    type Page = { automations: Summary[]; nextCursor: string | null };
    const list = async (query: string) => expectJson<Page>(await request.get(`/api/automations?${query}`), 200);
    const [a, b, c] = [await createAutomation(request), await createAutomation(request), await createAutomation(request)];
    if (!a || !b || !c) throw new Error("three automations expected");

    const first = await list("limit=2");
    expect(first.automations.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(first.automations[0]).toEqual({ id: c.id, name: c.name, publishedVersion: null, createdAt: expect.any(String), updatedAt: expect.any(String) });
    for (const summary of first.automations) expect(summary).not.toHaveProperty("graph");
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.automations[0]?.id).toBe(a.id);

    // Saving a draft moves it to the top.
    await expectJson(await request.put(`/api/automations/${a.id}`, { data: { graph: a.graph } }), 200);
    expect((await list("limit=1")).automations.map((x) => x.id)).toEqual([a.id]);

    // Every automation once, in order, whatever the page size.
    const everything = (await allPages((cursor) => list(`limit=7${cursor ? `&cursor=${cursor}` : ""}`), (p) => p.automations.length, 7)).flatMap((p) => p.automations);
    expect(new Set(everything.map((x) => x.id)).size).toBe(everything.length);
    expect(everything.map((x) => x.id).slice(0, 3)).toEqual([a.id, c.id, b.id]);
    const byMax = (await allPages((cursor) => list(`limit=200${cursor ? `&cursor=${cursor}` : ""}`), (p) => p.automations.length, 200)).flatMap((p) => p.automations);
    expect(byMax.map((x) => x.id)).toEqual(everything.map((x) => x.id));
  });

  test("bad list limits and cursors are 400 and create nothing", async ({ request }) => {
    const count = async () => (await expectJson<{ automations: unknown[] }>(await request.get("/api/automations?limit=200"), 200)).automations.length;
    const before = await count();
    for (const limit of ["0", "-1", "201", "1.5", "lots"]) {
      await expectIssues(await request.get(`/api/automations?limit=${limit}`), 400, { path: "limit" });
    }
    for (const cursor of ["garbage!", Buffer.from('["not-a-date", "x"]').toString("base64url"), "A".repeat(4000)]) {
      await expectIssues(await request.get(`/api/automations?cursor=${cursor}`), 400, { path: "cursor", message: "Malformed cursor" });
    }
    expect(await count()).toBe(before);
  });
});

test.describe("publish validation", () => {
  /** Publishing `graph` is refused with 422 naming what is wrong; nothing gets published. */
  async function expectPublishRefused(request: APIRequestContext, graph: Graph, issue: Record<string, unknown>) {
    const automation = await createAutomation(request, graph);
    const body = await expectIssues(await request.post(`/api/automations/${automation.id}/publish`), 422, issue);
    expect((await getAutomation(request, automation.id)).publishedVersion).toBeNull();
    return body;
  }

  test("a graph without a trigger", async ({ request }) => {
    const graph = replyOrRemind();
    graph.nodes = graph.nodes.filter((n) => n.type !== "trigger");
    graph.edges = graph.edges.filter((e) => e.source !== "start");
    await expectPublishRefused(request, graph, { message: expect.stringContaining("Trigger") });
  });

  test("an unconnected noResponse names the Customer Response node", async ({ request }) => {
    const graph = replyOrRemind();
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== "noResponse" && e.source !== "remind");
    graph.nodes = graph.nodes.filter((n) => n.id !== "remind");
    await expectPublishRefused(request, graph, { nodeId: "wait", path: "outputs.noResponse" });
  });

  test("a 4-second timeout names the node", async ({ request }) => {
    await expectPublishRefused(request, replyOrRemind({ amount: 4, unit: "seconds" }), {
      nodeId: "wait",
      path: "timeout",
      message: expect.stringContaining("5 seconds"),
    });
  });

  test("an edge out of End names the edge", async ({ request }) => {
    const graph = replyOrRemind();
    graph.nodes.push({ id: "after", type: "end", position: { x: 0, y: 600 }, data: {} });
    graph.edges.push({ id: "e-out-of-end", source: "done", target: "after" });
    await expectPublishRefused(request, graph, { edgeId: "e-out-of-end", nodeId: "done" });
  });

  /** replyOrRemind with the first message's text replaced. */
  function withAskText(text: string): Graph {
    const graph = replyOrRemind();
    graph.nodes = graph.nodes.map((n) => (n.id === "ask" ? { ...n, data: { text } } : n));
    return graph;
  }

  // The old field regex backtracked for minutes on such texts (5.7 s at 1,500 spaces), on the web
  // server's only thread: publishing blocked every other request, health checks included.
  test("a fallback of thousands of spaces publishes promptly, and the server answers meanwhile", async ({ request }) => {
    const text = `{{a|${" ".repeat(4000)}x`;
    const automation = await createAutomation(request, withAskText(text));
    const publishing = request.post(`/api/automations/${automation.id}/publish`, { timeout: 20_000 });
    for (let i = 0; i < 3; i++) {
      expect(await expectJson(await request.get("/api/health", { timeout: 10_000 }), 200)).toEqual({ ok: true });
    }
    // Never closed, so not a field: plain text, and the graph is valid.
    expect(await expectJson(await publishing, 201)).toEqual({ version: 1 });
    expect((await getAutomation(request, automation.id)).publishedVersion).toBe(1);
  });

  test("an unknown field with a fallback of thousands of spaces is refused promptly", async ({ request }) => {
    const publishing = expectPublishRefused(request, withAskText(`{{a|${" ".repeat(4000)}}}`), {
      nodeId: "ask",
      message: expect.stringContaining("Unknown field {{a}}"),
    });
    expect(await expectJson(await request.get("/api/health", { timeout: 10_000 }), 200)).toEqual({ ok: true });
    await publishing;
  });

  test("starting runs before any publish is 409 and creates nobody", async ({ request }) => {
    const automation = await createAutomation(request, replyOrRemind());
    const phone = uniquePhone();
    await expectError(await request.post(`/api/automations/${automation.id}/runs`, { data: { contacts: [{ phone }] } }), 409);
    await expectNoTraceOf(request, phone);
  });
});

test.describe("runs", () => {
  test("start, get and list with filters", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const [first, second] = [uniquePhone(), uniquePhone()];
    const runs = await startRuns(request, automation.id, [first, second]);
    expect(runs).toEqual([
      { id: expect.any(String), contactId: expect.any(String), phone: first },
      { id: expect.any(String), contactId: expect.any(String), phone: second },
    ]);
    const [a, b] = runs.map((r) => r.id);
    if (!a || !b) throw new Error("two runs expected");

    const run = await waitForRunStatus(request, a, "waiting");
    expect(run).toMatchObject({ id: a, automationId: automation.id, version: 1, status: "waiting", currentNodeId: "wait" });
    expect(run.wait).toEqual({ nodeId: "wait", timeoutAt: expect.any(String), kind: "reply" });
    const timeoutAt = Date.parse(run.wait?.timeoutAt ?? "");
    expect(timeoutAt - Date.now()).toBeGreaterThan(8 * 60_000);
    expect(run.steps.map((s) => [s.nodeId, s.type])).toEqual([
      ["start", "trigger"],
      ["ask", "sendMessage"],
      ["wait", "customerResponse"],
    ]);
    for (const step of run.steps) {
      expect(step).toMatchObject({ seq: expect.any(Number), at: expect.any(String) });
      expect(Number.isNaN(Date.parse(step.at))).toBe(false);
    }
    await waitForRunStatus(request, b, "waiting");

    const ids = (runs: { id: string }[]) => runs.map((r) => r.id).sort();
    expect(ids(await listRuns(request, { automationId: automation.id }))).toEqual([a, b].sort());
    expect(ids(await listRuns(request, { automationId: automation.id, status: "waiting" }))).toEqual([a, b].sort());
    expect(await listRuns(request, { automationId: automation.id, status: "completed" })).toEqual([]);
    expect(ids(await listRuns(request, { phone: first }))).toEqual([a]);
    expect(ids(await listRuns(request, { automationId: automation.id, phone: second }))).toEqual([b]);
    const [listed] = await listRuns(request, { phone: second });
    expect(listed).toMatchObject({ id: b, automationId: automation.id, version: 1, status: "waiting", currentNodeId: "wait", wait: { nodeId: "wait" } });
    expect(await listRuns(request, { automationId: "no-such-automation" })).toEqual([]);
  });

  test("bad filters, limits and cursors are 400", async ({ request }) => {
    await expectIssues(await request.get("/api/runs?status=sleeping"), 400, { path: "status" });
    await expectIssues(await request.get(`/api/runs?phone=${"9".repeat(40)}`), 400, { path: "phone" });
    for (const limit of ["lots", "0", "-1", "501", "1.5"]) {
      await expectIssues(await request.get(`/api/runs?limit=${limit}`), 400, { path: "limit" });
    }
    const badCursors = [
      "garbage!",
      Buffer.from("not json").toString("base64url"),
      Buffer.from('["2026-11-25T10:00:00.000Z"]').toString("base64url"),
      Buffer.from('["yesterday", "run-id"]').toString("base64url"),
      "A".repeat(4000),
    ];
    for (const cursor of badCursors) {
      await expectIssues(await request.get(`/api/runs?cursor=${encodeURIComponent(cursor)}`), 400, { path: "cursor", message: "Malformed cursor" });
    }
  });

  test("the list pages with a cursor, newest first, stable while runs start", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const started = await startRuns(request, automation.id, Array.from({ length: 7 }, () => uniquePhone()));
    const page = (limit: number, cursor: string | null) =>
      runsPage(request, { automationId: automation.id, limit: String(limit), ...(cursor ? { cursor } : {}) });

    const pages = await allPages((cursor) => page(3, cursor), (p) => p.runs.length, 3);
    expect(pages.map((p) => p.runs.length)).toEqual([3, 3, 1]);
    const listed = pages.flatMap((p) => p.runs);
    expect(listed.map((r) => r.id).sort()).toEqual(started.map((r) => r.id).sort());
    // Newest first: by createdAt, then id (runs started together share their createdAt).
    const newestFirst = [...listed].sort((x, y) => (x.createdAt === y.createdAt ? (x.id < y.id ? 1 : -1) : x.createdAt < y.createdAt ? 1 : -1));
    expect(listed.map((r) => r.id)).toEqual(newestFirst.map((r) => r.id));

    // Runs started between two pages come on top; the next page is what it was.
    await startRuns(request, automation.id, [uniquePhone(), uniquePhone()]);
    const again = await page(3, pages[0]?.nextCursor ?? null);
    expect(again.runs.map((r) => r.id)).toEqual(pages[1]?.runs.map((r) => r.id));
    expect((await page(200, null)).runs).toHaveLength(9);
    const byDefault = await runsPage(request, { automationId: automation.id });
    expect(byDefault.runs).toHaveLength(9);
    expect(byDefault.nextCursor).toBeNull();

    // A bad cursor or limit on this same list writes nothing.
    await expectIssues(await request.get(`/api/runs?automationId=${automation.id}&cursor=nope!`), 400, { path: "cursor" });
    await expectIssues(await request.get(`/api/runs?automationId=${automation.id}&limit=501`), 400, { path: "limit" });
    expect((await page(200, null)).runs).toHaveLength(9);
  });

  test("unknown run ids are 404", async ({ request }) => {
    await expectError(await request.get("/api/runs/no-such-run"), 404);
    await expectError(await request.post("/api/runs/no-such-run/cancel"), 404);
  });

  test("invalid phones are 400 and create nobody", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const url = `/api/automations/${automation.id}/runs`;
    const good = uniquePhone();
    const bad = ["3331234567", `00${good.slice(1)}`, "+0331234567", "+39 333 123 4567", "+1234567", "+1234567890123456", "+39abc1234567", ""];
    for (const phone of bad) {
      await expectIssues(await request.post(url, { data: { contacts: [{ phone: good }, { phone }] } }), 400, { path: "contacts.1.phone" });
    }
    // The whole request is refused: the good contact listed with a bad one was not started either.
    await expectNoTraceOf(request, good);
  });

  test("wrong shapes, duplicates and malformed JSON are 400 and create nobody", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const url = `/api/automations/${automation.id}/runs`;
    const phone = uniquePhone();
    await expectError(await request.post(url, raw(`{"contacts": [{"phone": "${phone}"}]`)), 400);
    await expectError(await request.post(url, raw("")), 400);
    await expectIssues(await request.post(url, { data: {} }), 400, { path: "contacts" });
    await expectIssues(await request.post(url, { data: { contacts: [] } }), 400, { path: "contacts" });
    await expectIssues(await request.post(url, { data: { contacts: [phone] } }), 400, { path: "contacts.0" });
    await expectIssues(await request.post(url, { data: { contacts: [{ phone, name: 7 }] } }), 400, { path: "contacts.0.name" });
    await expectError(await request.post(url, { data: { contacts: [{ phone }, { phone }] } }), 400);
    await expectNoTraceOf(request, phone);
    expect(await listRuns(request, { automationId: automation.id })).toEqual([]);
  });

  test("run start bodies may reach 2 MiB; over that is 413", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const url = `/api/automations/${automation.id}/runs`;
    const tooBig = uniquePhone();
    await expectError(await request.post(url, raw(paddedBody({ contacts: [{ phone: tooBig }] }, 2 * MiB))), 413);
    await expectNoTraceOf(request, tooBig);

    // 1.5 MiB is over the general limit but within this endpoint's.
    const fits = uniquePhone();
    const started = await expectJson<{ runs: { phone: string }[] }>(
      await request.post(url, raw(paddedBody({ contacts: [{ phone: fits }] }, 1.5 * MiB))),
      202,
    );
    expect(started.runs.map((r) => r.phone)).toEqual([fits]);
  });

  test("cancel stops a waiting run; a finished run cannot be cancelled", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const [waiting, replying] = [uniquePhone(), uniquePhone()];
    const [toCancel, toFinish] = await startRuns(request, automation.id, [waiting, replying]);
    if (!toCancel || !toFinish) throw new Error("two runs expected");
    await waitForRunStatus(request, toCancel.id, "waiting");

    expect(await expectJson(await request.post(`/api/runs/${toCancel.id}/cancel`), 200)).toEqual({ status: "cancelled" });
    const cancelled = await getRun(request, toCancel.id);
    expect(cancelled).toMatchObject({ status: "cancelled", wait: null });
    // Cancelling again changes nothing.
    expect(await expectJson(await request.post(`/api/runs/${toCancel.id}/cancel`), 200)).toEqual({ status: "cancelled" });
    // A reply to a cancelled run is stored but does not resume it.
    await expectJson(await request.post("/api/messages/inbound", { data: { from: waiting, text: "Am I late?" } }), 202);
    expect((await getRun(request, toCancel.id)).status).toBe("cancelled");

    await waitForRunStatus(request, toFinish.id, "waiting");
    await expectJson(await request.post("/api/messages/inbound", { data: { from: replying, text: "Yes" } }), 202);
    await waitForRunStatus(request, toFinish.id, "completed");
    await expectError(await request.post(`/api/runs/${toFinish.id}/cancel`), 409);
    expect((await getRun(request, toFinish.id)).status).toBe("completed");
  });

  test("silence until the timeout takes noResponse", async ({ request }) => {
    const automation = await publishedAutomation(request, { amount: 5, unit: "seconds" });
    const phone = uniquePhone();
    const [run] = await startRuns(request, automation.id, [phone]);
    if (!run) throw new Error("run expected");
    const done = await waitForRunStatus(request, run.id, "completed");
    expect(done.wait).toBeNull();
    expect(done.steps).toContainEqual(expect.objectContaining({ nodeId: "wait", type: "customerResponse", outcome: "noResponse" }));
    expect(done.steps.map((s) => s.nodeId)).toContain("remind");
    const messages = await contactMessages(request, phone);
    expect(messages.map((m) => [m.direction, m.text])).toEqual([
      ["outbound", "Hi there, shall we activate your plan?"],
      ["outbound", REMINDER_TEXT],
    ]);
  });
});

test.describe("messages", () => {
  test("an inbound reply completes the wait; the contact's thread shows both directions", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const phone = uniquePhone();
    const [run] = await startRuns(request, automation.id, [phone]);
    if (!run) throw new Error("run expected");
    await waitForRunStatus(request, run.id, "waiting");

    await expectJson(
      await request.post("/api/messages/inbound", { data: { from: phone, text: "Yes please", id: `wamid.${phone}.1` } }),
      202,
    );
    const done = await waitForRunStatus(request, run.id, "completed");
    expect(done.steps).toContainEqual(expect.objectContaining({ nodeId: "wait", type: "customerResponse", outcome: "replied" }));

    const messages = await contactMessages(request, phone);
    expect(messages.map((m) => [m.direction, m.text])).toEqual([
      ["outbound", "Hi there, shall we activate your plan?"],
      ["inbound", "Yes please"],
      ["outbound", "Thanks! You said: Yes please"],
    ]);
    for (const message of messages) {
      expect(message).toMatchObject({ id: expect.any(String), at: expect.any(String) });
      if (message.direction === "outbound") expect(message.runId).toBe(run.id);
    }
  });

  test("a message delivered twice with the same provider id is stored once", async ({ request }) => {
    const phone = uniquePhone();
    const data = { from: phone, text: "Delivered twice", id: `wamid.dup.${phone}` };
    await expectJson(await request.post("/api/messages/inbound", { data }), 202);
    await expectJson(await request.post("/api/messages/inbound", { data }), 202);
    await expectJson(await request.post("/api/messages/inbound", { data: { ...data, id: `${data.id}.2` } }), 202);
    const texts = (await contactMessages(request, phone)).map((m) => m.text);
    expect(texts).toEqual(["Delivered twice", "Delivered twice"]);
  });

  test("bad inbound messages are refused and store nothing", async ({ request }) => {
    const phone = uniquePhone();
    const url = "/api/messages/inbound";
    await expectError(await request.post(url, raw(`{"from": "${phone}", "text": "hi"`)), 400);
    await expectIssues(await request.post(url, { data: { from: phone } }), 400, { path: "text" });
    await expectIssues(await request.post(url, { data: { from: phone, text: "" } }), 400, { path: "text" });
    await expectIssues(await request.post(url, { data: { from: phone, text: 42 } }), 400, { path: "text" });
    await expectIssues(await request.post(url, { data: { from: phone, text: "hi", id: "" } }), 400, { path: "id" });
    await expectIssues(await request.post(url, { data: { from: phone.slice(1), text: "hi" } }), 400, { path: "from" });
    await expectError(await request.post(url, raw(paddedBody({ from: phone, text: "hi" }, MiB))), 413);
    await expectNoTraceOf(request, phone);
  });

  test("contact messages: unknown phone 404, invalid phone 400", async ({ request }) => {
    await expectError(await request.get(messagesUrl(uniquePhone())), 404);
    await expectIssues(await request.get(messagesUrl("not-a-phone")), 400, {});
    await expectIssues(await request.get(messagesUrl("393331234567")), 400, {});
    // Next.js decodes the path parameter once; decoding it again made `%25` a 500.
    await expectIssues(await request.get("/api/contacts/%25/messages"), 400, {});
    await expectIssues(await request.get("/api/contacts/%2525/messages"), 400, {});
    await expectIssues(await request.get("/api/contacts/%2B39333%25/messages"), 400, {});
  });

  test("a contact's thread pages with a cursor, oldest first; the phone works encoded or not", async ({ request }) => {
    const phone = uniquePhone();
    const texts = ["one", "two", "three", "four", "five"];
    for (const text of texts) await expectJson(await request.post("/api/messages/inbound", { data: { from: phone, text } }), 202);
    type Page = { messages: { text: string }[]; nextCursor: string | null };
    const page = async (url: string, cursor: string | null) => expectJson<Page>(await request.get(`${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`), 200);

    expect(messagesUrl(phone)).toContain("%2B");
    for (const url of [messagesUrl(phone), `/api/contacts/${phone}/messages`]) {
      const pages = await allPages((cursor) => page(url, cursor), (p) => p.messages.length, 2);
      expect(pages.map((p) => p.messages.map((m) => m.text))).toEqual([["one", "two"], ["three", "four"], ["five"]]);
    }
    expect(await contactMessages(request, phone)).toHaveLength(5);
    await expectJson(await request.get(`${messagesUrl(phone)}?limit=500`), 200);
    for (const limit of ["0", "501", "x"]) await expectIssues(await request.get(`${messagesUrl(phone)}?limit=${limit}`), 400, { path: "limit" });
    await expectIssues(await request.get(`${messagesUrl(phone)}?cursor=nope!`), 400, { path: "cursor" });
    expect(await contactMessages(request, phone)).toHaveLength(5);
  });

  // Next.js itself would answer this with a plain-text 500 before any route code runs: proxy.ts
  // turns it into a 400.
  test("a malformed percent-encoding in the phone is 400, not 500", async ({ request }) => {
    await expectError(await request.get("/api/contacts/%E0%A4%A/messages"), 400);
  });
});

test.describe("text Postgres cannot store", () => {
  // A NUL character is valid JSON ("\u0000") but Postgres text and jsonb refuse it.
  const nul = "before\u0000after";

  test("a NUL character in a message, a name or a graph is 400 and stores nothing", async ({ request }) => {
    const phone = uniquePhone();
    const inbound = "/api/messages/inbound";
    await expectIssues(await request.post(inbound, { data: { from: phone, text: nul } }), 400, { path: "text" });
    await expectIssues(await request.post(inbound, { data: { from: phone, text: "hi", id: nul } }), 400, { path: "id" });
    await expectNoTraceOf(request, phone);

    await expectIssues(await request.post("/api/automations", { data: { name: nul } }), 400, { path: "name" });
    const graph = replyOrRemind();
    const automation = await createAutomation(request, graph);
    const withNul = replyOrRemind();
    withNul.nodes = withNul.nodes.map((n) => (n.id === "ask" ? { ...n, data: { text: nul } } : n));
    await expectIssues(await request.put(`/api/automations/${automation.id}`, { data: { graph: withNul } }), 400, {
      path: "graph.nodes.1.data.text",
    });
    expect((await getAutomation(request, automation.id)).graph).toEqual(graph);

    const published = await publishedAutomation(request);
    const runs = `/api/automations/${published.id}/runs`;
    await expectIssues(await request.post(runs, { data: { contacts: [{ phone, name: nul }] } }), 400, { path: "contacts.0.name" });
    await expectNoTraceOf(request, phone);
  });
});

test.describe("WhatsApp webhook", () => {
  const url = "/api/webhooks/whatsapp";
  const verify = (token: string, mode = "subscribe") =>
    `${url}?${new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": "1158201444" })}`;

  test("the verify handshake echoes the challenge only for the right token", async ({ request }) => {
    const ok = await request.get(verify("e2e-verify-token"));
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    await expectError(await request.get(verify("wrong-token")), 403);
    await expectError(await request.get(verify("e2e-verify-token", "unsubscribe")), 403);
    await expectError(await request.get(url), 403);
  });

  test("a signed text message completes a waiting run, once even if delivered twice", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const phone = uniquePhone();
    const [run] = await startRuns(request, automation.id, [phone]);
    if (!run) throw new Error("run expected");
    await waitForRunStatus(request, run.id, "waiting");

    const body = whatsappText(phone, "Yes via WhatsApp", `wamid.${phone}.webhook`);
    const post = () => request.post(url, raw(body, { ...json, "x-hub-signature-256": signature(body) }));
    expect(await expectJson(await post(), 200)).toEqual({ ok: true });
    const done = await waitForRunStatus(request, run.id, "completed");
    expect(done.steps).toContainEqual(expect.objectContaining({ nodeId: "wait", outcome: "replied" }));

    // Meta retries deliveries: the same message id is stored once.
    expect(await expectJson(await post(), 200)).toEqual({ ok: true });
    const inbound = (await contactMessages(request, phone)).filter((m) => m.direction === "inbound");
    expect(inbound.map((m) => m.text)).toEqual(["Yes via WhatsApp"]);
  });

  test("a missing or wrong signature is 401 and stores nothing", async ({ request }) => {
    const phone = uniquePhone();
    const body = whatsappText(phone, "Forged", `wamid.${phone}.forged`);
    await expectError(await request.post(url, raw(body)), 401);
    await expectError(await request.post(url, raw(body, { ...json, "x-hub-signature-256": signature(body, "not-the-secret") })), 401);
    await expectError(await request.post(url, raw(body, { ...json, "x-hub-signature-256": "sha256=deadbeef" })), 401);
    const other = whatsappText(phone, "Something else", `wamid.${phone}.other`);
    await expectError(await request.post(url, raw(body, { ...json, "x-hub-signature-256": signature(other) })), 401);
    await expectNoTraceOf(request, phone);
  });

  test("signed but malformed payloads are 400", async ({ request }) => {
    for (const body of ['{"object": "whatsapp_business_account"', '{"object": 1}', "[]"]) {
      await expectError(await request.post(url, raw(body, { ...json, "x-hub-signature-256": signature(body) })), 400);
    }
  });
});

test.describe("contacts", () => {
  type Contact = { id: string; phone: string; name: string | null; fields: Record<string, string>; tags: string[]; createdAt: string };
  const contactUrl = (phone: string) => `/api/contacts/${encodeURIComponent(phone)}`;
  const getContact = async (request: APIRequestContext, phone: string) =>
    expectJson<Contact & { runs: { id: string; automationId: string; status: string; currentNodeId: string | null }[] }>(
      await request.get(contactUrl(phone)),
      200,
    );

  test("create, merge, get, patch, list and delete a contact", async ({ request }) => {
    const phone = uniquePhone();
    const tag = uniqueName("Tag").replace(/\s/g, "").slice(0, 40);
    const created = await expectJson<Contact>(
      await request.post("/api/contacts", { data: { phone, name: "Ada", fields: { city: "Rome" }, tags: [tag, "vip"] } }),
      201,
    );
    expect(created).toEqual({ id: expect.any(String), phone, name: "Ada", fields: { city: "Rome" }, tags: [tag, "vip"], createdAt: expect.any(String) });

    // Existing: fields merged, tags added ignoring case, the name kept when not given.
    const merged = await expectJson<Contact>(
      await request.post("/api/contacts", { data: { phone, fields: { plan: "pro" }, tags: ["VIP", "new"] } }),
      200,
    );
    expect(merged).toEqual({ ...created, fields: { city: "Rome", plan: "pro" }, tags: [tag, "vip", "new"] });
    expect(await getContact(request, phone)).toEqual({ ...merged, runs: [] });

    const patched = await expectJson<Contact>(
      await request.patch(contactUrl(phone), { data: { name: "Ada L.", fields: { city: null, lang: "it" }, addTags: ["late"], removeTags: ["NEW"] } }),
      200,
    );
    expect(patched).toEqual({ ...created, name: "Ada L.", fields: { plan: "pro", lang: "it" }, tags: [tag, "vip", "late"] });

    const byTag = await expectJson<{ contacts: Contact[]; nextCursor: string | null }>(
      await request.get(`/api/contacts?tag=${encodeURIComponent(tag.toUpperCase())}`),
      200,
    );
    expect(byTag).toEqual({ contacts: [patched], nextCursor: null });
    const bySearch = await expectJson<{ contacts: Contact[] }>(await request.get(`/api/contacts?search=${encodeURIComponent(phone.slice(2))}`), 200);
    expect(bySearch.contacts.map((c) => c.phone)).toEqual([phone]);

    expect((await request.delete(contactUrl(phone))).status()).toBe(204);
    await expectError(await request.get(contactUrl(phone)), 404);
    await expectError(await request.delete(contactUrl(phone)), 404);
  });

  test("the list pages newest first with an opaque cursor", async ({ request }) => {
    const tag = uniqueName("Page").replace(/\s/g, "").slice(0, 40);
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of phones) await expectJson(await request.post("/api/contacts", { data: { phone, tags: [tag] } }), 201);
    const seen = await allPages(
      async (cursor) =>
        expectJson<{ contacts: Contact[]; nextCursor: string | null }>(
          await request.get(`/api/contacts?tag=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ""}`),
          200,
        ),
      (page) => page.contacts.length,
      2,
    );
    expect(seen.flatMap((page) => page.contacts.map((c) => c.phone))).toEqual([...phones].reverse());
  });

  test("deleting a contact cancels its active runs and erases its runs and messages", async ({ request }) => {
    const automation = await publishedAutomation(request);
    const phone = uniquePhone();
    const [run] = await startRuns(request, automation.id, [phone]);
    if (!run) throw new Error("run expected");
    await waitForRunStatus(request, run.id, "waiting");
    expect((await getContact(request, phone)).runs).toEqual([{ id: run.id, automationId: automation.id, status: "waiting", currentNodeId: "wait" }]);

    expect((await request.delete(contactUrl(phone))).status()).toBe(204);
    await expectNoTraceOf(request, phone);
    await expectError(await request.get(`/api/runs/${run.id}`), 404);
  });

  test("bad input is a 4xx with issues and changes nothing", async ({ request }) => {
    const phone = uniquePhone();
    await expectIssues(await request.post("/api/contacts", { data: { phone: "12345" } }), 400, { path: "phone" });
    await expectIssues(await request.post("/api/contacts", { data: { phone, fields: { City: "x" } } }), 400, { path: "fields.City" });
    await expectIssues(await request.post("/api/contacts", { data: { phone, fields: { note: "x".repeat(1001) } } }), 400, { path: "fields.note" });
    await expectIssues(await request.post("/api/contacts", { data: { phone, tags: ["x".repeat(51)] } }), 400, { path: "tags.0" });
    await expectIssues(await request.post("/api/contacts", { data: { phone, tagz: ["x"] } }), 400, {});
    await expectError(await request.post("/api/contacts", raw(`{"phone": "${phone}",`)), 400);
    await expectIssues(await request.post("/api/contacts", { data: { phone, name: "a\u0000b" } }), 400, { path: "name" });
    await expectError(await request.get(contactUrl(phone)), 404);

    await expectIssues(await request.get("/api/contacts?cursor=bogus!"), 400, { path: "cursor" });
    await expectIssues(await request.get("/api/contacts?limit=201"), 400, { path: "limit" });
    await expectIssues(await request.get(`/api/contacts/${encodeURIComponent("+39%")}`), 400, { path: "" });

    await expectError(await request.patch(contactUrl(phone), { data: { name: "x" } }), 404);
    await expectError(await request.delete(contactUrl(phone)), 404);
    await expectJson(await request.post("/api/contacts", { data: { phone, fields: { a: "1" }, tags: ["t"] } }), 201);
    const before = await getContact(request, phone);
    await expectIssues(await request.patch(contactUrl(phone), { data: { fields: { a: null, "Bad-Key": "x" } } }), 400, { path: "fields.Bad-Key" });
    await expectIssues(await request.patch(contactUrl(phone), { data: { addTags: [""], removeTags: ["t"] } }), 400, { path: "addTags.0" });
    const tooMany = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, "v"]));
    await expectIssues(await request.patch(contactUrl(phone), { data: { fields: tooMany, removeTags: ["t"] } }), 400, { path: "fields" });
    await expectError(await request.patch(contactUrl(phone), raw("{nope")), 400);
    expect(await getContact(request, phone)).toEqual(before);
  });
});
