import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptInvitation, createInvitation } from "../lib/accounts/invitations.ts";
import { changeMember } from "../lib/accounts/members.ts";
import { createWorkspace } from "../lib/accounts/workspaces.ts";
import { createApiKey, findApiKey, revokeApiKey } from "../lib/auth/api-keys.ts";
import { auth } from "../lib/auth/auth.ts";
import { authenticate, sessionUser } from "../lib/auth/authenticate.ts";
import { ensureBootstrap } from "../lib/auth/bootstrap.ts";
import { rateLimit } from "../lib/auth/rate-limit.ts";
import { tokenHash } from "../lib/auth/token-hash.ts";
import { db } from "../lib/db.ts";
import { log } from "../lib/log.ts";
import { closePool } from "../lib/sql.ts";
import { createTestDatabase } from "./helpers/database.ts";

// Accounts against a real database: bootstrap, keys, invitations, the last admin, rate limits.
// (Every endpoint's 401/403/404 is proven over HTTP in e2e/access.spec.ts.)
const KEY = "bootstrap-key-for-the-accounts-test";

beforeAll(async () => {
  await createTestDatabase();
  Object.assign(process.env, { BETTER_AUTH_SECRET: "accounts-test-secret-0123456789abcdef", BOOTSTRAP_ADMIN_EMAIL: "Owner@Example.test", BOOTSTRAP_ADMIN_PASSWORD: "owner-password-1", BOOTSTRAP_API_KEY: KEY });
});
afterAll(async () => {
  await Promise.all([db().$disconnect(), closePool()]);
});

const bearer = (key: string) => new Request("http://test/api/automations", { headers: { authorization: `Bearer ${key}` } });

describe("bootstrap", () => {
  it("makes the admin and the key once, even when processes race, and the key authenticates as admin of the default workspace", async () => {
    await Promise.all([ensureBootstrap(), ensureBootstrap()]);
    globalThis.replyflowBootstrap = undefined; // a second process starting later
    await ensureBootstrap();
    const users = await db().user.findMany({ include: { members: true } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "owner@example.test", members: [{ workspaceId: "default", role: "admin" }] });
    expect(await db().apiKey.count()).toBe(1);
    expect(await db().apiKey.findFirst({ where: { hash: KEY } })).toBeNull(); // only its hash is stored
    expect(await authenticate(bearer(KEY))).toMatchObject({ workspaceId: "default", role: "admin", actor: { type: "apiKey" } });
  });
});

describe("API keys", () => {
  it("are stored hashed, authenticate with their role until revoked, and record their last use", async () => {
    const { id, key } = await createApiKey("default", { name: "Reporting", role: "viewer" }, null);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row.hash).toBe(tokenHash(key));
    expect(row.lastUsedAt).toBeNull();
    expect(await authenticate(bearer(key))).toMatchObject({ role: "viewer", actor: { type: "apiKey", id, label: "Reporting" } });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    await revokeApiKey("default", id);
    expect(await findApiKey(key)).toBeNull();
    expect(await authenticate(bearer(key))).toBeNull();
  });

  it("a wrong or malformed key is nobody, never a fallback to a session", async () => {
    for (const header of ["Bearer nope", "Bearer ", "Basic abc", `Bearer ${KEY} extra`, `Bearer ${"x".repeat(300)}`]) {
      expect(await authenticate(new Request("http://test/api/runs", { headers: { authorization: header } }))).toBeNull();
    }
  });

  it("a key of another workspace cannot be revoked from this one", async () => {
    const other = await db().workspace.create({ data: { name: "Other" } });
    const { id, key } = await createApiKey(other.id, { name: "Theirs", role: "admin" }, null);
    await expect(revokeApiKey("default", id)).rejects.toMatchObject({ code: "not_found" });
    expect(await findApiKey(key)).not.toBeNull();
  });
});

describe("invitations and members", () => {
  const user = async (email: string) => db().user.create({ data: { id: crypto.randomUUID(), email, name: email } });

  it("one invitation makes one member: of two accepts at once, one wins", async () => {
    const { token } = await createInvitation("default", { role: "editor" }, null);
    const [a, b] = await Promise.all([user("a@example.test"), user("b@example.test")]);
    const results = await Promise.allSettled([acceptInvitation(token, a), acceptInvitation(token, b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().member.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it("an invitation for an email is for that address only, and a revoked or expired one joins nobody", async () => {
    const stranger = await user("stranger@example.test");
    const bound = await createInvitation("default", { role: "viewer", email: "Someone@Example.test" }, null);
    await expect(acceptInvitation(bound.token, stranger)).rejects.toMatchObject({ code: "forbidden" });
    const expired = await createInvitation("default", { role: "viewer" }, null);
    await db().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(expired.token, stranger)).rejects.toMatchObject({ code: "conflict" });
    expect(await db().member.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("a workspace keeps an admin: the last one can be neither demoted nor removed", async () => {
    const owner = await user("solo@example.test");
    const workspace = await createWorkspace(owner.id, "Solo");
    await expect(changeMember(workspace.id, owner.id, "viewer")).rejects.toMatchObject({ code: "conflict" });
    await expect(changeMember(workspace.id, owner.id, null)).rejects.toMatchObject({ code: "conflict" });
    const second = await user("second@example.test");
    await db().member.create({ data: { workspaceId: workspace.id, userId: second.id, role: "admin" } });
    // Two admins demoting each other at once: one succeeds, the other finds itself the last.
    const results = await Promise.allSettled([changeMember(workspace.id, owner.id, "viewer"), changeMember(workspace.id, second.id, "viewer")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().member.count({ where: { workspaceId: workspace.id, role: "admin" } })).toBe(1);
  });
});

describe("password reset", () => {
  it("without a mail server the link is logged; it sets a new password once and signs out every session", async () => {
    const email = "owner@example.test";
    const signIn = (password: string) => auth().api.signInEmail({ body: { email, password }, asResponse: true });
    const session = await signIn("owner-password-1");
    expect(session.status).toBe(200);
    const cookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(await sessionUser(new Headers({ cookie }))).toMatchObject({ email });

    const info = vi.spyOn(log, "info");
    await auth().api.requestPasswordReset({ body: { email, redirectTo: "/reset-password" } });
    const logged = info.mock.calls.map(([fields]) => fields).find((fields): fields is { link: string } => typeof fields === "object" && fields !== null && "link" in fields);
    info.mockRestore();
    // Called without a request (and no APP_URL), the link has no origin; its path holds the token.
    const token = /\/reset-password\/([^/?]+)/.exec(logged!.link)?.[1] ?? "";
    expect(token.length, logged!.link).toBeGreaterThan(10);

    await auth().api.resetPassword({ body: { token, newPassword: "a-new-password-2" } });
    await expect(auth().api.resetPassword({ body: { token, newPassword: "yet-another-3" } })).rejects.toThrow();
    expect(await sessionUser(new Headers({ cookie }))).toBeNull();
    expect((await signIn("owner-password-1")).status).toBe(401);
    expect((await signIn("a-new-password-2")).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("counts in one shared window and answers 429 with Retry-After past the limit, per key", async () => {
    await Promise.all(Array.from({ length: 5 }, () => rateLimit("test:a", 5, 60)));
    const refused = await rateLimit("test:a", 5, 60).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "too_many_requests", headers: { "retry-after": expect.stringMatching(/^\d+$/) } });
    await expect(rateLimit("test:b", 5, 60)).resolves.toBeUndefined();
  });

  it("a window that has passed starts again from one", async () => {
    await rateLimit("test:c", 1, 1);
    await expect(rateLimit("test:c", 1, 1)).rejects.toMatchObject({ code: "too_many_requests" });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(rateLimit("test:c", 1, 1)).resolves.toBeUndefined();
  });
});

declare global {
  var replyflowBootstrap: Promise<void> | undefined;
}
