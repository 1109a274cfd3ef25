import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerNeeded, signUpOwner } from "../lib/accounts/owner.ts";
import { authenticate } from "../lib/auth/authenticate.ts";
import { db } from "../lib/db.ts";
import { closePool } from "../lib/sql.ts";
import { createTestDatabase } from "./helpers/database.ts";

// A fresh install (no BOOTSTRAP_*): the first person to sign up owns it, once.
beforeAll(async () => {
  await createTestDatabase();
  process.env.BETTER_AUTH_SECRET = "owner-test-secret-0123456789abcdef";
  for (const name of ["BOOTSTRAP_ADMIN_EMAIL", "BOOTSTRAP_ADMIN_PASSWORD", "BOOTSTRAP_API_KEY"]) delete process.env[name];
});
afterAll(async () => {
  await Promise.all([db().$disconnect(), closePool()]);
});

const signUpRequest = () => new Request("http://localhost:3000/api/auth/owner", { method: "POST" });
const person = (n: number) => ({ name: `Person ${n}`, email: `person${n}@example.test`, password: "a-long-password" });

describe("owner sign-up", () => {
  it("of two at the same moment one becomes admin of the default workspace, signed in; the other is refused and not kept", async () => {
    expect(await ownerNeeded()).toBe(true);
    const results = await Promise.allSettled([signUpOwner(signUpRequest(), person(1)), signUpOwner(signUpRequest(), person(2))]);
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "forbidden" } });
    expect(await db().user.count()).toBe(1);
    expect(await db().member.findMany()).toEqual([expect.objectContaining({ workspaceId: "default", userId: won[0]!.userId, role: "admin" })]);

    const cookie = won[0]!.response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(await authenticate(new Request("http://localhost:3000/api/me", { headers: { cookie } }))).toMatchObject({ workspaceId: "default", role: "admin", actor: { type: "user" } });
  });

  it("once there is an owner, nobody else can claim it", async () => {
    expect(await ownerNeeded()).toBe(false);
    await expect(signUpOwner(signUpRequest(), person(3))).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().user.count()).toBe(1);
  });
});
