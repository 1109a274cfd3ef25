import { publishAutomation } from "@/lib/automations/automations";
import { route } from "@/lib/api/route";

export const POST = route<{ id: string }>(async (_request, { params }) => {
  const { id } = await params;
  return Response.json(await publishAutomation(id), { status: 201 });
});
