import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { createInvitation, createInvitationBody, listInvitations } from "@/lib/accounts/invitations";
import { audit } from "@/lib/auth/audit";

export const GET = route("settings:write", async (_request, { access }) => Response.json({ invitations: await listInvitations(access.workspaceId) }));

/** A link for the invitee (`path`, shown once): valid a week, for one acceptance. */
export const POST = route("settings:write", async (request, { access }) => {
  const input = await readJson(request, createInvitationBody);
  const invitation = await createInvitation(access.workspaceId, input, access.actor.type === "user" ? access.actor.id : null);
  await audit(access, "invitation.create", { type: "invitation", id: invitation.id }, { role: input.role, ...(input.email ? { email: input.email } : {}) });
  return Response.json(invitation, { status: 201 });
});
