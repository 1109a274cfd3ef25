import { route } from "@/lib/api/route";
import { listMembers } from "@/lib/accounts/members";

export const GET = route("read", async (_request, { access }) => Response.json({ members: await listMembers(access.workspaceId) }));
