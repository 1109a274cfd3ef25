import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { exitAllAutomations } from "@/lib/engine/operator-actions";

// Next.js has already decoded the route parameter: never decode twice.
export const POST = route<{ phone: string }>("runs:write", async (_request, { params, access }) => {
  const { cancelled, contactKey } = await exitAllAutomations(access.workspaceId, (await params).phone, access.actor);
  await audit(access, "contact.exitAutomations", { type: "contact", id: contactKey }, { cancelled });
  return Response.json({ cancelled });
});
