import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { versionSteps, versionStepsQuery } from "@/lib/runs/version-steps";

export const GET = route("read", async (request) => Response.json(await versionSteps(versionStepsQuery.parse(queryParams(request)).automationId)));
