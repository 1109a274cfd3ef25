import { route } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/accounts/invitations";
import { audit } from "@/lib/auth/audit";

export const DELETE = route<{ id: string }>("settings:write", async (_request, { params, access }) => {
  const { id } = await params;
  await revokeInvitation(access.workspaceId, id);
  await audit(access, "invitation.revoke", { type: "invitation", id });
  return new Response(null, { status: 204 });
});
