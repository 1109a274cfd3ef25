import { createAutomation, createAutomationInput, listAutomations } from "@/lib/automations/automations";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";

export const GET = route(async () => Response.json({ automations: await listAutomations() }));

export const POST = route(async (request) => {
  const automation = await createAutomation(await readJson(request, createAutomationInput));
  return Response.json(automation, { status: 201 });
});
