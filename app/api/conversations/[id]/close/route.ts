import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { closeConversation } from "@/lib/inbox/close-conversation";

export const POST = route<{ id: string }>("inbox:write", async (_request, { params, access }) => {
  const { id } = await params;
  const result = await closeConversation(access.workspaceId, id, access.actor);
  await audit(access, "conversation.close", { type: "conversation", id });
  return Response.json(result);
});
