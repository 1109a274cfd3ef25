import { readJson } from "@/lib/api/read-json";
import { publicRoute } from "@/lib/api/route";
import { signUp, signUpBody, withSessionCookies } from "@/lib/accounts/sign-up";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspace";

/** Whether the first visit should show the owner sign-up (no user exists yet). */
export const GET = publicRoute(async () => Response.json({ ownerNeeded: (await db().user.count()) === 0 }));

/**
 * The first start's owner sign-up: only while no user exists. The owner becomes admin of the
 * default workspace; should two sign up at the same moment, the second is undone and refused.
 */
export const POST = publicRoute(async (request) => {
  const input = await readJson(request, signUpBody);
  if ((await db().user.count()) > 0) throw new AppError("forbidden", "This Replyflow already has an owner: ask an admin for an invitation");
  const { userId, response } = await signUp(request, input);
  const claimed = await db().$executeRaw`
    INSERT INTO "Member" ("workspaceId", "userId", role)
    SELECT ${DEFAULT_WORKSPACE_ID}, ${userId}, 'admin' WHERE NOT EXISTS (SELECT 1 FROM "Member")`;
  if (claimed === 0) {
    await db().user.delete({ where: { id: userId } });
    throw new AppError("forbidden", "This Replyflow already has an owner: ask an admin for an invitation");
  }
  return withSessionCookies(response, { userId, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin" });
});
