import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { publicRoute } from "@/lib/api/route";
import { acceptInvitation, describeInvitation, invitationTokenSchema } from "@/lib/accounts/invitations";
import { signUp, signUpBody, withSessionCookies } from "@/lib/accounts/sign-up";
import { audit } from "@/lib/auth/audit";
import { sessionUser } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";

/** What an invitation link offers (the page shows it before sign-in): workspace, role, state. */
export const GET = publicRoute(async (request) => {
  const token = invitationTokenSchema.parse(new URL(request.url).searchParams.get("token") ?? "");
  return Response.json(await describeInvitation(token));
});

const acceptBody = z.union([z.strictObject({ token: invitationTokenSchema }), signUpBody.extend({ token: invitationTokenSchema })]);

/**
 * Accepts an invitation: as the signed-in user, or by creating an account with name, email and
 * password (then signed in). The account is made only if the invitation is still open.
 */
export const POST = publicRoute(async (request) => {
  const input = await readJson(request, acceptBody);
  const current = await sessionUser(request.headers);
  if ("email" in input) {
    if (current) throw new AppError("conflict", "You are signed in: accept as yourself, or sign out first");
    const invitation = await describeInvitation(input.token);
    if (invitation.state !== "open") throw new AppError("conflict", `This invitation is ${invitation.state}`);
    if (invitation.email && invitation.email !== input.email) throw new AppError("forbidden", `This invitation is for ${invitation.email}`);
    const { userId, response } = await signUp(request, { name: input.name, email: input.email, password: input.password });
    const joined = await acceptInvitation(input.token, { id: userId, email: input.email });
    await recordAccept(joined, { id: userId, email: input.email });
    return withSessionCookies(response, joined);
  }
  if (!current) throw new AppError("unauthorized", "Sign in, or give a name, email and password to create an account");
  const joined = await acceptInvitation(input.token, current);
  await recordAccept(joined, current);
  return Response.json(joined, { status: 201 });
});

const recordAccept = (joined: { workspaceId: string; role: string; invitationId: string }, user: { id: string; email: string }) =>
  audit({ workspaceId: joined.workspaceId, role: "viewer", actor: { type: "user", id: user.id, label: user.email } }, "invitation.accept", { type: "invitation", id: joined.invitationId }, { role: joined.role });
