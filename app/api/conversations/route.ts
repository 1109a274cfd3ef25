import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listConversationsQuery } from "@/lib/inbox/conversation-schemas";

export const GET = route("read", async (request, { access }) =>
  Response.json(await listConversations(access.workspaceId, listConversationsQuery.parse(queryParams(request)), access.actor)));
