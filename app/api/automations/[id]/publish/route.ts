import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { publishAutomation } from "@/lib/automations/automations";

export const POST = route<{ id: string }>("automations:write", async (_request, { params, access }) => {
  const { id } = await params;
  const published = await publishAutomation(id);
  await audit(access, "automation.publish", { type: "automation", id }, published);
  return Response.json(published, { status: 201 });
});
