import { createAutomation, createAutomationInput } from "@/lib/automations/automations";
import { listAutomations } from "@/lib/automations/list-automations";
import { queryParams } from "@/lib/api/query-params";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";

export const GET = route("read", async (request) => Response.json(await listAutomations(queryParams(request))));

export const POST = route("automations:write", async (request) => {
  const automation = await createAutomation(await readJson(request, createAutomationInput));
  return Response.json(automation, { status: 201 });
});
