import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { transcriptQuery } from "@/lib/inbox/conversation-schemas";
import { getConversation } from "@/lib/inbox/get-conversation";

export const GET = route<{ id: string }>("read", async (request, { params, access }) => {
  const { id } = await params;
  return Response.json(await getConversation(access.workspaceId, id, transcriptQuery.parse(queryParams(request))));
});
