import { getAutomation, updateAutomation, updateAutomationInput } from "@/lib/automations/automations";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";

type Params = { id: string };

export const GET = route<Params>("read", async (_request, { params }) => {
  const { id } = await params;
  return Response.json(await getAutomation(id));
});

export const PUT = route<Params>("automations:write", async (request, { params }) => {
  const { id } = await params;
  const input = await readJson(request, updateAutomationInput);
  return Response.json(await updateAutomation(id, input));
});
