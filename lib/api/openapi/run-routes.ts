import { listRunsQuery } from "../../runs/list-runs.ts";
import { queryErrors } from "./common-errors.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";
import { cancelResultSchema, runDetailSchema, runListSchema } from "./run-responses.ts";

const runId = idParam("run");
const noRun = "No run with this id in the workspace";

/** Starting runs is `POST /api/automations/{id}/runs` (automation-routes.ts). */
export const runRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/runs",
    tag: "Runs",
    summary: "List runs",
    description: "Newest first, a page at a time; filters combine. `phone` matches part of the contact's phone.",
    permission: "read",
    params: { query: listRunsQuery },
    responses: { 200: { description: "A page of runs", schema: runListSchema } },
    errors: queryErrors,
  },
  {
    method: "get",
    path: "/api/runs/{id}",
    tag: "Runs",
    summary: "Get a run",
    description: "Where the run is, what it waits for and until when, and its history step by step.",
    permission: "read",
    params: { path: runId },
    responses: { 200: { description: "The run", schema: runDetailSchema } },
    errors: { 404: noRun },
  },
  {
    method: "post",
    path: "/api/runs/{id}/cancel",
    tag: "Runs",
    summary: "Cancel a run",
    description: "A cancelled run never resumes: a reply or timeout arriving later is ignored.",
    permission: "runs:write",
    params: { path: runId },
    responses: { 200: { description: "Cancelled", schema: cancelResultSchema } },
    errors: { 404: noRun, 409: "The run has already ended (completed, failed or cancelled)" },
  },
];
