import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { automationReport } from "@/lib/reports/automation-report";
import { reportQuery } from "@/lib/reports/report-period";

type Params = { id: string };

export const GET = route<Params>("read", async (request, { params }) => {
  const { id } = await params;
  return Response.json(await automationReport(id, reportQuery.parse(queryParams(request))));
});
