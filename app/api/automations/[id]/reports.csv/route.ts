import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { automationReport } from "@/lib/reports/automation-report";
import { reportCsv, reportFilename } from "@/lib/reports/report-csv";
import { reportQuery } from "@/lib/reports/report-period";

type Params = { id: string };

export const GET = route<Params>("read", async (request, { params }) => {
  const { id } = await params;
  const report = await automationReport(id, reportQuery.parse(queryParams(request)));
  return new Response(reportCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFilename(report)}"`,
      "cache-control": "no-store",
    },
  });
});
