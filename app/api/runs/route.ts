import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { listRuns, listRunsQuery } from "@/lib/runs/list-runs";

export const GET = route("read", async (request) => Response.json(await listRuns(listRunsQuery.parse(queryParams(request)))));
