import { route } from "@/lib/api/route";
import { listRuns, listRunsQuery } from "@/lib/runs/runs";

export const GET = route(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // Empty filters (?status=) mean "any", as an HTML form sends them.
  const query = listRunsQuery.parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "")));
  return Response.json(await listRuns(query));
});
