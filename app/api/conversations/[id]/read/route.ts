import { route } from "@/lib/api/route";
import { markConversationRead } from "@/lib/inbox/mark-read";

/** Reading is not audited: it changes nothing but the unread marker. */
export const POST = route<{ id: string }>("inbox:write", async (_request, { params, access }) => {
  const { id } = await params;
  return Response.json(await markConversationRead(access.workspaceId, id));
});
