import { createHmac } from "node:crypto";
import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";

/**
 * Helpers for specs that speak the public HTTP contract (DESIGN.md, "Public contract"): builders
 * for graphs, unique contacts, and assertions for success and error bodies.
 */

export type Unit = "seconds" | "minutes" | "hours" | "days";
export type Timeout = { amount: number; unit: Unit };
export type GraphNode = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
export type GraphEdge = { id: string; source: string; target: string; sourceHandle?: string | null };
export type Graph = { nodes: GraphNode[]; edges: GraphEdge[] };
type Json = Record<string, unknown>;

export const REPLIED_TEXT = "Thanks! You said: {{lastReply}}";
export const REMINDER_TEXT = "Reminder: reply YES to activate your plan";

const node = (id: string, type: string, y: number, data: Record<string, unknown> = {}): GraphNode => ({
  id,
  type,
  position: { x: 0, y },
  data,
});

/** trigger `start` → `ask` → Customer Response `wait` → `thanks` (replied) / `remind` (noResponse) → `done`. */
export function replyOrRemind(timeout: Timeout = { amount: 10, unit: "minutes" }): Graph {
  return {
    nodes: [
      node("start", "trigger", 0),
      node("ask", "sendMessage", 120, { text: "Hi {{contact.name | there}}, shall we activate your plan?" }),
      node("wait", "customerResponse", 240, { timeout }),
      node("thanks", "sendMessage", 360, { text: REPLIED_TEXT }),
      node("remind", "sendMessage", 360, { text: REMINDER_TEXT }),
      node("done", "end", 480),
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", target: "wait" },
      { id: "e3", source: "wait", sourceHandle: "replied", target: "thanks" },
      { id: "e4", source: "wait", sourceHandle: "noResponse", target: "remind" },
      { id: "e5", source: "thanks", target: "done" },
      { id: "e6", source: "remind", target: "done" },
    ],
  };
}

let counter = 0;

/** A unique E.164 phone (Italian mobile shape), so reruns against the same database don't collide. */
export function uniquePhone(): string {
  counter = (counter + 1) % 100;
  const stamp = String(Date.now()).slice(-6);
  const random = Math.floor(Math.random() * 10);
  return `+393${stamp}${String(counter).padStart(2, "0")}${random}`;
}

export const uniqueName = (prefix: string) => `${prefix} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A stack frame as Node prints it: "at fn (file.ts:12:34)" or "at file.js:1:2". */
const STACK_FRAME = /\bat\s+[^\n]*:\d+:\d+/;

/** Asserts a success status and returns the JSON body. */
export async function expectJson<T = Json>(response: APIResponse, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status(), `${response.url()} answered: ${text}`).toBe(status);
  return JSON.parse(text);
}

/**
 * Asserts a 4xx error in the contract's shape: `{"error": string, "issues"?: [...]}`, JSON, never a
 * stack trace. Returns the body for more specific checks.
 */
export async function expectError(
  response: APIResponse,
  status: number,
): Promise<{ error: string; issues?: { path?: string; nodeId?: string; edgeId?: string; message: string }[] }> {
  const text = await response.text();
  expect(response.status(), `${response.url()} answered: ${text.slice(0, 500)}`).toBe(status);
  expect(status).toBeLessThan(500);
  expect(text, "an error body never carries a stack trace").not.toMatch(STACK_FRAME);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text);
  expect(typeof body.error, `error body: ${text}`).toBe("string");
  expect(body.error.length).toBeGreaterThan(0);
  if (body.issues !== undefined) {
    expect(Array.isArray(body.issues)).toBe(true);
    for (const issue of body.issues) expect(typeof issue.message).toBe("string");
  }
  return body;
}

/** As expectError, and the body lists issues, at least one of them matching `issue`. */
export async function expectIssues(response: APIResponse, status: number, issue: Json) {
  const body = await expectError(response, status);
  expect(body.issues, `issues of ${JSON.stringify(body)}`).toEqual(expect.arrayContaining([expect.objectContaining(issue)]));
  return body;
}

export type Automation = { id: string; name: string; graph: Graph; publishedVersion: number | null };

export async function createAutomation(request: APIRequestContext, graph?: Graph, name = uniqueName("API")): Promise<Automation> {
  return expectJson<Automation>(await request.post("/api/automations", { data: { name, ...(graph ? { graph } : {}) } }), 201);
}

export async function getAutomation(request: APIRequestContext, id: string): Promise<Automation> {
  return expectJson<Automation>(await request.get(`/api/automations/${id}`), 200);
}

/** A published automation, ready for runs. */
export async function publishedAutomation(request: APIRequestContext, timeout?: Timeout): Promise<Automation> {
  const automation = await createAutomation(request, replyOrRemind(timeout));
  expect(await expectJson(await request.post(`/api/automations/${automation.id}/publish`), 201)).toEqual({ version: 1 });
  return automation;
}

export type StartedRun = { id: string; contactId: string; phone: string };

export async function startRuns(request: APIRequestContext, automationId: string, phones: string[]): Promise<StartedRun[]> {
  const body = await expectJson<{ runs: StartedRun[] }>(
    await request.post(`/api/automations/${automationId}/runs`, { data: { contacts: phones.map((phone) => ({ phone })) } }),
    202,
  );
  return body.runs;
}

export type RunStep = { seq: number; nodeId: string | null; type: string; outcome?: string; at: string };
export type Run = {
  id: string;
  automationId: string;
  version: number;
  status: string;
  currentNodeId: string | null;
  phone: string;
  wait: { nodeId: string; timeoutAt: string; kind: "reply" | "delay" | "retry"; attempt?: number; attempts?: number } | null;
  steps: RunStep[];
};

export async function getRun(request: APIRequestContext, id: string): Promise<Run> {
  return expectJson<Run>(await request.get(`/api/runs/${id}`), 200);
}

/** Polls the run until it reaches `status` (the engine runs in separate workers); returns it. */
export async function waitForRunStatus(request: APIRequestContext, id: string, status: string, timeout = 20_000): Promise<Run> {
  let run: Run | undefined;
  await expect
    .poll(
      async () => {
        run = await getRun(request, id);
        return run.status;
      },
      { timeout, message: `run ${id} should become ${status}` },
    )
    .toBe(status);
  if (!run) throw new Error("unreachable");
  return run;
}

export async function listRuns(request: APIRequestContext, query: Record<string, string>): Promise<Run[]> {
  return (await runsPage(request, query)).runs;
}

export type RunsPage = { runs: (Run & { createdAt: string })[]; nextCursor: string | null };

/** One page of `GET /api/runs` (cursor and limit go in `query`). */
export async function runsPage(request: APIRequestContext, query: Record<string, string>): Promise<RunsPage> {
  const body = await expectJson<RunsPage>(await request.get(`/api/runs?${new URLSearchParams(query)}`), 200);
  expect(body.nextCursor === null || typeof body.nextCursor === "string", "nextCursor is a string or null").toBe(true);
  return body;
}

/**
 * Follows `nextCursor` from the first page to the last; returns every page. Each page but the last
 * is full; the last has no cursor.
 */
export async function allPages<P extends { nextCursor: string | null }>(
  fetchPage: (cursor: string | null) => Promise<P>,
  size: (page: P) => number,
  limit: number,
): Promise<P[]> {
  const pages: P[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    if (cursor !== null) expect(size(page), "a page with a next cursor is full").toBe(limit);
    expect(pages.length, "cursors end").toBeLessThan(1000);
  } while (cursor !== null);
  return pages;
}

export type Message = { id: string; direction: "inbound" | "outbound"; text: string; at: string; runId?: string };

export const messagesUrl = (phone: string) => `/api/contacts/${encodeURIComponent(phone)}/messages`;

export async function contactMessages(request: APIRequestContext, phone: string): Promise<Message[]> {
  return (await expectJson<{ messages: Message[] }>(await request.get(messagesUrl(phone)), 200)).messages;
}

/** Nothing exists for this phone: no run, no contact (so no message thread either). */
export async function expectNoTraceOf(request: APIRequestContext, phone: string): Promise<void> {
  expect(await listRuns(request, { phone })).toEqual([]);
  await expectError(await request.get(messagesUrl(phone)), 404);
}

/** Meta's X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret. */
export const signature = (rawBody: string, secret = "e2e-app-secret") =>
  `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;

/** A WhatsApp Cloud API webhook body carrying one text message (`from` without the plus). */
export function whatsappText(phone: string, text: string, id: string): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: "PHONE_NUMBER_ID" },
              contacts: [{ profile: { name: "Ada" }, wa_id: phone.slice(1) }],
              messages: [{ from: phone.slice(1), id, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
}

/** A JSON body just over `bytes`: a valid payload padded with an extra (ignored) field. */
export function paddedBody(payload: Json, bytes: number): string {
  const base = JSON.stringify({ ...payload, pad: "" });
  return JSON.stringify({ ...payload, pad: "x".repeat(bytes - base.length + 1) });
}

export const MiB = 1024 * 1024;
