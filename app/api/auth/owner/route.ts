import { readJson } from "@/lib/api/read-json";
import { publicRoute } from "@/lib/api/route";
import { ownerNeeded, signUpOwner } from "@/lib/accounts/owner";
import { signUpBody, withSessionCookies } from "@/lib/accounts/sign-up";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspace";

/** Whether the first visit should show the owner sign-up (no user exists yet). */
export const GET = publicRoute(async () => Response.json({ ownerNeeded: await ownerNeeded() }));

/** The owner sign-up of a fresh install (lib/accounts/owner.ts); signed in on success. */
export const POST = publicRoute(async (request) => {
  const { userId, response } = await signUpOwner(request, await readJson(request, signUpBody));
  return withSessionCookies(response, { userId, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin" });
});
