import { request, type APIRequestContext } from "@playwright/test";
import { expectJson, uniqueName } from "./api";
import { STORAGE_STATE } from "./auth-state";

export type Member = { context: APIRequestContext; userId: string; email: string };

/** A request context signed in as the e2e admin (its own cookies: switching workspace stays in it). */
export const adminContext = (baseURL: string) => request.newContext({ baseURL, storageState: STORAGE_STATE });

/** A request context with no cookies (in a spec, new contexts otherwise inherit the config's storage state). */
export const anonymousContext = (baseURL: string, headers?: Record<string, string>) =>
  request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, ...(headers ? { extraHTTPHeaders: headers } : {}) });

/** A new person who joins the admin's current workspace with `role`, through an invitation link. */
export async function invitedMember(baseURL: string, admin: APIRequestContext, role: string): Promise<Member> {
  const { token } = await expectJson<{ token: string }>(await admin.post("/api/invitations", { data: { role } }), 201);
  const email = `${uniqueName(role).replace(/\W+/g, "-").toLowerCase()}@e2e.test`;
  const context = await anonymousContext(baseURL);
  await expectJson(await context.post("/api/auth/invitation", { data: { token, name: `E2E ${role}`, email, password: "member-password-1" } }), 201);
  const me = await expectJson<{ actor: { id: string } }>(await context.get("/api/me"), 200);
  return { context, userId: me.actor.id, email };
}
