import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { automationStats, statsQuery } from "@/lib/stats/automation-stats";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("read", async (request, { params }) => {
  const { id } = await params;
  const { version } = statsQuery.parse(queryParams(request));
  return Response.json(await automationStats(id, version));
});
