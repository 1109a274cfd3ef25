import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { countRuns, countRunsQuery } from "@/lib/runs/count-runs";

export const GET = route("read", async (request) => Response.json(await countRuns(countRunsQuery.parse(queryParams(request)))));
