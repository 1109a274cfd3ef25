import { db } from "../db.ts";
import { findApiKey } from "./api-keys.ts";
import { auth } from "./auth.ts";
import { ensureBootstrap } from "./bootstrap.ts";
import type { Access } from "./scope.ts";

/** The cookie naming the workspace a signed-in user is looking at (checked against membership). */
export const WORKSPACE_COOKIE = "replyflow_workspace";

export type SignedInUser = { id: string; email: string; name: string };

/**
 * Who is asking, and for which workspace: an `Authorization: Bearer` API key (its workspace and
 * role), else the session cookie (the user's role in the workspace cookie's workspace, or in
 * their first one). Null when neither holds.
 */
export async function authenticate(request: Request): Promise<Access | null> {
  await ensureBootstrap();
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer (\S{1,256})$/.exec(authorization.trim());
    const key = match ? await findApiKey(match[1]!) : null;
    return key ? { workspaceId: key.workspaceId, role: key.role, actor: { type: "apiKey", id: key.id, label: key.name } } : null;
  }
  const user = await sessionUser(request.headers);
  if (!user) return null;
  const member = await membership(user.id, cookieValue(request.headers.get("cookie"), WORKSPACE_COOKIE));
  return member ? { workspaceId: member.workspaceId, role: member.role, actor: { type: "user", id: user.id, label: user.email } } : null;
}

export async function sessionUser(headers: Headers): Promise<SignedInUser | null> {
  const session = await auth().api.getSession({ headers });
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}

/** The user's membership in the chosen workspace, else their oldest one. */
export async function membership(userId: string, workspaceId: string | undefined) {
  const chosen = workspaceId ? await db().member.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }) : null;
  return chosen ?? db().member.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } });
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
