import { route } from "@/lib/api/route";
import { userWorkspaces, workspaceName } from "@/lib/accounts/workspaces";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

/** Who is asking, in which workspace, with which role and permissions (the UI hides what they cannot do). */
export const GET = route("read", async (_request, { access }) =>
  Response.json({
    actor: access.actor,
    workspace: { id: access.workspaceId, name: await workspaceName(access.workspaceId) },
    role: access.role,
    permissions: ROLE_PERMISSIONS[access.role],
    workspaces: access.actor.type === "user" ? await userWorkspaces(access.actor.id) : [],
  }),
);
