import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { assignConversation } from "@/lib/inbox/assign-conversation";
import { assignBody } from "@/lib/inbox/conversation-schemas";

export const POST = route<{ id: string }>("inbox:write", async (request, { params, access }) => {
  const { id } = await params;
  const result = await assignConversation(access.workspaceId, id, await readJson(request, assignBody), access.actor);
  await audit(access, "conversation.assign", { type: "conversation", id }, { assigneeId: result.assigneeId });
  return Response.json(result);
});
