import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { changeMember, memberRoleBody } from "@/lib/accounts/members";
import { audit } from "@/lib/auth/audit";

type Params = { userId: string };

export const PATCH = route<Params>("settings:write", async (request, { params, access }) => {
  const { userId } = await params;
  const { role } = await readJson(request, memberRoleBody);
  const change = await changeMember(access.workspaceId, userId, role);
  await audit(access, "member.role", { type: "user", id: userId }, { from: change.from, to: role });
  return Response.json({ userId, role });
});

export const DELETE = route<Params>("settings:write", async (_request, { params, access }) => {
  const { userId } = await params;
  const change = await changeMember(access.workspaceId, userId, null);
  await audit(access, "member.remove", { type: "user", id: userId }, { role: change.from });
  return new Response(null, { status: 204 });
});
