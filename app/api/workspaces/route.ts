import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { createWorkspace, createWorkspaceBody, userWorkspaces } from "@/lib/accounts/workspaces";
import { audit } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";

/** The signed-in user's workspaces (an API key belongs to one: its own). */
export const GET = route("read", async (_request, { access }) =>
  Response.json({ workspaces: access.actor.type === "user" ? await userWorkspaces(access.actor.id) : [] }),
);

/** Any signed-in user may start a workspace of their own, as its admin. */
export const POST = route("read", async (request, { access }) => {
  if (access.actor.type !== "user") throw new AppError("forbidden", "Workspaces are created by people, not API keys");
  const { name } = await readJson(request, createWorkspaceBody);
  const workspace = await createWorkspace(access.actor.id, name);
  await audit({ ...access, workspaceId: workspace.id, role: "admin" }, "workspace.create", { type: "workspace", id: workspace.id }, { name });
  return Response.json(workspace, { status: 201 });
});
