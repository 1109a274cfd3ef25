import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { replyBody } from "@/lib/inbox/conversation-schemas";
import { replyToConversation } from "@/lib/inbox/reply-to-conversation";

export const POST = route<{ id: string }>("inbox:write", async (request, { params, access }) => {
  const { id } = await params;
  const body = await readJson(request, replyBody);
  const result = await replyToConversation(access.workspaceId, id, body);
  await audit(access, "conversation.reply", { type: "conversation", id }, { messageId: result.messageId, ...("template" in body ? { template: body.template.name } : {}) });
  return Response.json(result, { status: 201 });
});
