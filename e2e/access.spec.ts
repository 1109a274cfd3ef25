import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "../lib/auth/permissions";
import { emptyGraph } from "../lib/flow/graph";
import { expectError, expectJson, publishedAutomation, startRuns, uniqueName, uniquePhone } from "./helpers/api";
import { adminContext, anonymousContext, invitedMember } from "./helpers/members";

// Who may do what, proven for every operation of the OpenAPI document (which test/openapi.test.ts
// proves covers every route): 401 signed out, 403 for a role that may not act, 404 for another
// workspace's records, nothing of theirs in our lists.

type Operation = { method: string; path: string; permission: Permission | "public" };
const NOBODY = { id: "00000000-0000-4000-8000-000000000000", phone: "+19990000000", userId: "00000000-0000-4000-8000-000000000000" };

let baseURL: string;
let operations: Operation[];
const members = {} as Record<Role, APIRequestContext>;
let other: { admin: APIRequestContext; workspaceId: string; automationId: string; runId: string; phone: string; userId: string; invitationId: string; apiKeyId: string; key: string; conversationId: string; handoffAutomationId: string };

test.beforeAll(async ({ baseURL: url }) => {
  baseURL = url!;
  members.admin = await adminContext(baseURL);
  for (const role of ROLES.filter((r) => r !== "admin")) members[role] = (await invitedMember(baseURL, members.admin, role)).context;

  const document = await expectJson<{ paths: Record<string, Record<string, { "x-required-permission"?: Permission | "public" }>> }>(await members.admin.get("/api/openapi.json"), 200);
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op["x-required-permission"] ?? "public" })),
  );
  expect(operations.length).toBeGreaterThan(30);
  for (const op of operations) expect([...PERMISSIONS, "public"], `${op.method} ${op.path}`).toContain(op.permission);

  // Workspace B, with records of every kind, made by the same admin in a context switched to it.
  const admin = await adminContext(baseURL);
  const workspace = await expectJson<{ id: string }>(await admin.post("/api/workspaces", { data: { name: uniqueName("Workspace B") } }), 201);
  await expectJson(await admin.put("/api/workspaces/current", { data: { workspaceId: workspace.id } }), 200);
  const automation = await publishedAutomation(admin);
  const phone = uniquePhone();
  const [run] = await startRuns(admin, automation.id, [phone]);
  const handoff = await handedOver(admin, phone);
  const bOnly = await invitedMember(baseURL, admin, "viewer");
  const invitation = await expectJson<{ id: string }>(await admin.post("/api/invitations", { data: { role: "editor" } }), 201);
  const apiKey = await expectJson<{ id: string; key: string }>(await admin.post("/api/api-keys", { data: { name: "B's key", role: "admin" } }), 201);
  other = { admin, workspaceId: workspace.id, automationId: automation.id, runId: run!.id, phone, userId: bOnly.userId, invitationId: invitation.id, apiKeyId: apiKey.id, key: apiKey.key, conversationId: handoff.conversationId, handoffAutomationId: handoff.automationId };
});

test.afterAll(async () => {
  for (const context of [...Object.values(members), other?.admin]) await context?.dispose();
});

/** A Handoff run for the phone in the context's workspace; resolves with the conversation it opened. */
async function handedOver(context: APIRequestContext, phone: string): Promise<{ conversationId: string; automationId: string }> {
  const graph = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} }, { id: "hand", type: "handoff", position: { x: 0, y: 120 }, data: {} }], edges: [{ id: "e1", source: "start", target: "hand" }] };
  const automation = await expectJson<{ id: string }>(await context.post("/api/automations", { data: { name: uniqueName("Handoff"), graph } }), 201);
  await expectJson(await context.post(`/api/automations/${automation.id}/publish`), 201);
  await startRuns(context, automation.id, [phone]);
  let id: string | undefined;
  await expect.poll(async () => {
    const { conversations } = await expectJson<{ conversations: { id: string; contact: { phone: string | null } }[] }>(await context.get("/api/conversations?limit=200"), 200);
    id = conversations.find((c) => c.contact.phone === phone)?.id;
    return id;
  }, { message: "the handoff's conversation" }).toBeTruthy();
  return { conversationId: id!, automationId: automation.id };
}

const fill = (path: string, ids: { id: string; phone: string; userId: string }) =>
  path.replace("{id}", ids.id).replace("{phone}", encodeURIComponent(ids.phone)).replace("{userId}", ids.userId);

/** The event stream stays open for minutes unless asked otherwise: here, one second. */
const streamed = (path: string) => (path === "/api/events" ? `${path}?seconds=1` : path);

const call = (context: APIRequestContext, op: Operation, path: string, data?: unknown) =>
  context.fetch(streamed(path), { method: op.method, ...(op.method === "GET" || op.method === "DELETE" ? {} : { data: data ?? {} }) });

test("signed out, every route but health, webhooks and sign-in answers 401, and pages lead to sign in", async ({ page }) => {
  const anonymous = await anonymousContext(baseURL);
  for (const op of operations.filter((o) => o.permission !== "public")) {
    const response = await call(anonymous, op, fill(op.path, NOBODY));
    expect(response.status(), `${op.method} ${op.path}`).toBe(401);
  }
  // A bad key is no key: 401, not the cookie's identity (there is none) nor a 500.
  expect((await anonymous.get("/api/automations", { headers: { authorization: "Bearer rf_not-a-key" } })).status()).toBe(401);
  await anonymous.dispose();

  await page.context().clearCookies();
  for (const path of ["/automations", "/runs", "/inbox", "/contacts", "/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === path);
  }
});

test("each role gets 403 exactly where DESIGN.md's roles may not act", async () => {
  for (const role of ROLES) {
    for (const op of operations.filter((o) => o.permission !== "public")) {
      const status = (await call(members[role], op, fill(op.path, NOBODY))).status();
      const where = `${role}: ${op.method} ${op.path} (${op.permission}) answered ${status}`;
      if (can(role, op.permission as Permission)) expect([401, 403], where).not.toContain(status);
      else expect(status, where).toBe(403);
      expect(status, where).toBeLessThan(500);
    }
  }
});

/** Bodies valid enough to reach the record lookup (a 400 would prove nothing about isolation). */
const validBodies: Record<string, unknown> = {
  "PUT /api/automations/{id}": { name: "Taken over", graph: emptyGraph() },
  "POST /api/automations/{id}/runs": { contacts: [{ phone: "+19990000001" }] },
  "PATCH /api/contacts/{phone}": { name: "Taken over" },
  "PATCH /api/members/{userId}": { role: "viewer" },
  "POST /api/runs/{id}/complete-wait": { outcome: "noResponse" },
  "POST /api/automations/{id}/test": { graph: emptyGraph() },
  "POST /api/automations/{id}/test/{runId}/reply": { text: "hi" },
  "POST /api/conversations/{id}/reply": { text: "Taken over" },
  "POST /api/conversations/{id}/assign": { assigneeId: "me" },
  "POST /api/conversations/{id}/close": {},
  "POST /api/conversations/{id}/read": {},
};

test("a member of workspace A gets 404 for B's records on every route that names one, and B's records are untouched", async () => {
  const ids = { id: "", phone: other.phone, userId: other.userId };
  const idFor = (path: string) =>
    path.startsWith("/api/automations/") ? other.automationId : path.startsWith("/api/runs/") ? other.runId : path.startsWith("/api/conversations/") ? other.conversationId : path.startsWith("/api/invitations/") ? other.invitationId : path.startsWith("/api/api-keys/") ? other.apiKeyId : "";
  const withRecords = operations.filter((op) => op.permission !== "public" && /\{(id|phone|userId)\}/.test(op.path));
  expect(withRecords.length).toBeGreaterThanOrEqual(14);
  for (const op of withRecords) {
    const key = `${op.method} ${op.path}`;
    if (op.method !== "GET" && op.method !== "DELETE" && op.path.includes("{") && !(key in validBodies) && !op.path.endsWith("/publish") && !op.path.endsWith("/cancel") && !op.path.endsWith("/exit-automations") && !op.path.endsWith("/skip")) {
      throw new Error(`${key} takes a body: add a valid one to validBodies so the test reaches its lookup`);
    }
    const response = await call(members.admin, op, fill(op.path, { ...ids, id: idFor(op.path) }), validBodies[key]);
    await expectError(response, 404);
  }
  // Switching to a workspace one is not a member of is "not found" too.
  await expectError(await members.editor.put("/api/workspaces/current", { data: { workspaceId: other.workspaceId } }), 404);

  // Nothing happened to B's records.
  const automation = await expectJson<{ name: string; publishedVersion: number }>(await other.admin.get(`/api/automations/${other.automationId}`), 200);
  expect(automation.name).not.toBe("Taken over");
  expect(automation.publishedVersion).toBe(1);
  expect((await expectJson<{ status: string }>(await other.admin.get(`/api/runs/${other.runId}`), 200)).status).not.toBe("cancelled");
  expect((await expectJson<{ name: string | null }>(await other.admin.get(`/api/contacts/${encodeURIComponent(other.phone)}`), 200)).name).not.toBe("Taken over");
  expect(await expectJson(await other.admin.get(`/api/conversations/${other.conversationId}`), 200)).toMatchObject({ status: "open", assignee: null, readAt: null });
  expect((await expectJson<{ messages: { text: string }[] }>(await other.admin.get(`/api/contacts/${encodeURIComponent(other.phone)}/messages`), 200)).messages.map((m) => m.text)).not.toContain("Taken over");
  expect((await expectJson<{ apiKeys: { id: string; revokedAt: string | null }[] }>(await other.admin.get("/api/api-keys"), 200)).apiKeys.find((k) => k.id === other.apiKeyId)?.revokedAt).toBeNull();
  expect((await expectJson<{ members: { userId: string; role: string }[] }>(await other.admin.get("/api/members"), 200)).members.find((m) => m.userId === other.userId)?.role).toBe("viewer");
});

test("A's lists hold nothing of B's, and B's key sees only B", async () => {
  const lists: [string, (body: Record<string, unknown[]>) => unknown[]][] = [
    ["/api/automations", (b) => b.automations!],
    ["/api/runs", (b) => b.runs!],
    [`/api/runs?phone=${encodeURIComponent(other.phone)}`, (b) => b.runs!],
    [`/api/contacts?search=${encodeURIComponent(other.phone)}`, (b) => b.contacts!],
    ["/api/members", (b) => b.members!],
    ["/api/invitations", (b) => b.invitations!],
    ["/api/api-keys", (b) => b.apiKeys!],
    ["/api/audit", (b) => b.events!],
    ["/api/conversations?limit=200", (b) => b.conversations!],
    ["/api/conversations?status=closed&limit=200", (b) => b.conversations!],
  ];
  const secrets = [other.automationId, other.runId, other.phone, other.userId, other.invitationId, other.apiKeyId, other.workspaceId, other.conversationId, other.handoffAutomationId];
  for (const [path, items] of lists) {
    const text = JSON.stringify(items(await expectJson(await members.admin.get(path), 200)));
    for (const id of secrets) expect(text, `${path} shows ${id}`).not.toContain(id);
  }
  // The console's totals and version steps do not see B's automation either.
  expect((await expectJson<{ total: number }>(await members.admin.get(`/api/runs/counts?automationId=${other.automationId}`), 200)).total).toBe(0);
  await expectError(await members.admin.get(`/api/runs/versions?automationId=${other.automationId}`), 404);
  const asB = await anonymousContext(baseURL, { authorization: `Bearer ${other.key}` });
  const { automations } = await expectJson<{ automations: { id: string }[] }>(await asB.get("/api/automations"), 200);
  expect(automations.map((a) => a.id).sort()).toEqual([other.automationId, other.handoffAutomationId].sort());
  await asB.dispose();
});

test("API keys: made with a role, shown once, used with Bearer, recorded, revoked at once", async () => {
  const created = await expectJson<{ id: string; key: string; prefix: string }>(await members.admin.post("/api/api-keys", { data: { name: "Reporting", role: "viewer" } }), 201);
  expect(created.key.startsWith(created.prefix)).toBe(true);
  const listed = JSON.stringify(await expectJson(await members.admin.get("/api/api-keys"), 200));
  expect(listed).not.toContain(created.key);

  const key = await anonymousContext(baseURL, { authorization: `Bearer ${created.key}` });
  await expectJson(await key.get("/api/automations"), 200);
  await expectError(await key.post("/api/automations", { data: { name: "Not allowed" } }), 403);
  const { apiKeys } = await expectJson<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(await members.admin.get("/api/api-keys"), 200);
  expect(apiKeys.find((k) => k.id === created.id)?.lastUsedAt).not.toBeNull();

  await expectJson(await members.admin.delete(`/api/api-keys/${created.id}`), 200);
  await expectError(await key.get("/api/automations"), 401);
  await key.dispose();

  const { events } = await expectJson<{ events: { action: string; targetId: string; actorLabel: string }[] }>(await members.admin.get("/api/audit"), 200);
  expect(events.filter((e) => e.targetId === created.id).map((e) => e.action)).toEqual(["apiKey.revoke", "apiKey.create"]);
});

test("writes need JSON and our own origin: a cross-site form post is refused and changes nothing", async () => {
  const name = uniqueName("CSRF");
  const before = (await expectJson<{ automations: unknown[] }>(await members.admin.get("/api/automations?limit=200"), 200)).automations.length;
  await expectError(await members.admin.post("/api/automations", { headers: { "content-type": "text/plain" }, data: JSON.stringify({ name }) }), 415);
  await expectError(await members.admin.post("/api/automations", { headers: { origin: "https://evil.example" }, data: { name } }), 403);
  await expectError(await members.admin.post("/api/automations", { headers: { "sec-fetch-site": "cross-site" }, data: { name } }), 403);
  expect((await expectJson<{ automations: unknown[] }>(await members.admin.get("/api/automations?limit=200"), 200)).automations.length).toBe(before);
});

test("sign-in and run starts are rate limited with a 429 and Retry-After", async () => {
  const anonymous = await anonymousContext(baseURL);
  const email = `${uniqueName("nobody").replace(/\W+/g, "-")}@e2e.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await anonymous.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } })).status());
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses[10]).toBe(429);
  await anonymous.dispose();

  // In a workspace of its own, so the other specs' starts are not counted against this one.
  const admin = await adminContext(baseURL);
  const { id } = await expectJson<{ id: string }>(await admin.post("/api/workspaces", { data: { name: uniqueName("Limits") } }), 201);
  await expectJson(await admin.put("/api/workspaces/current", { data: { workspaceId: id } }), 200);
  let limited;
  for (let i = 0; i < 130 && !limited; i++) {
    const response = await admin.post("/api/automations/none/runs", { data: {} });
    if (response.status() === 429) limited = response;
  }
  expect(limited?.headers()["retry-after"]).toMatch(/^\d+$/);
  await admin.dispose();
});

test("security headers are on pages and API answers", async ({ request: signedIn }) => {
  for (const path of ["/automations", "/api/health"]) {
    const headers = (await signedIn.get(path)).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});
