import { z } from "zod";
import { reportQuery } from "../../reports/report-period.ts";
import { automationReportSchema } from "../../reports/report-schema.ts";
import { idParam } from "./path-params.ts";
import type { ErrorStatus, RouteEntry } from "./route-entry.ts";

const automationId = idParam("automation");
const query = reportQuery;

const errors: Partial<Record<ErrorStatus, string>> = {
  400: "A bad period: a malformed date, `from` after `to`, or more than 366 days (`issues` names the parameter), or a malformed version",
  404: "No automation with this id in the workspace, or no such published version of it",
};

const period = "The period is calendar days in UTC, both ends included: the last 30 days by default, at most 366.";

export const reportRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/automations/{id}/reports",
    tag: "Automations",
    summary: "Report on an automation",
    description: `For one published version (the latest by default): the funnel of its steps (breadth-first from the trigger) with how many entered each and left on each output, and per Customer Response the reply rate and time to reply, both since the version was published; and its runs' outcomes per day of the period. ${period} Simulator runs never count.`,
    permission: "read",
    params: { path: automationId, query },
    responses: { 200: { description: "The report", schema: automationReportSchema } },
    errors,
  },
  {
    method: "get",
    path: "/api/automations/{id}/reports.csv",
    tag: "Automations",
    summary: "Export a report as CSV",
    description: `The report's tables as one CSV download (a section each: report, funnel, replies, time to reply, by day). Every cell is quoted; a cell starting with = + - @, a tab or a carriage return is prefixed with ' so spreadsheets keep it as text. ${period}`,
    permission: "read",
    params: { path: automationId, query },
    responses: { 200: { description: "The CSV file (Content-Disposition: attachment)", schema: z.string(), contentType: "text/csv" } },
    errors,
  },
];
