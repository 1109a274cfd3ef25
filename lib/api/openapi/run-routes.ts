import { listRunsQuery } from "../../runs/list-runs.ts";
import { countRunsQuery } from "../../runs/count-runs.ts";
import { versionStepsQuery } from "../../runs/version-steps.ts";
import { queryErrors } from "./common-errors.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";
import { z } from "zod";
import { bulkBody } from "../../engine/operator-actions.ts";
import { completeWaitBody } from "../../engine/operator-complete.ts";
import { cancelResultSchema, runCountsSchema, runDetailSchema, runListSchema, runStatusSchema, versionStepsSchema } from "./run-responses.ts";

const runId = idParam("run");
const noRun = "No run with this id in the workspace";

/** Starting runs is `POST /api/automations/{id}/runs` (automation-routes.ts). */
export const runRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/runs",
    tag: "Runs",
    summary: "List runs",
    description: "Newest first, a page at a time; filters combine. `q` matches part of the contact's phone or name (any case), `phone` part of the phone; `nodeId` is the step a running or waiting run is at now; `version` needs `automationId`. Simulator runs are never listed.",
    permission: "read",
    params: { query: listRunsQuery },
    responses: { 200: { description: "A page of runs", schema: runListSchema } },
    errors: queryErrors,
  },
  {
    method: "get",
    path: "/api/runs/counts",
    tag: "Runs",
    summary: "Count runs per status",
    description: "How many runs match the list's filters (`status` aside), in all and per status.",
    permission: "read",
    params: { query: countRunsQuery },
    responses: { 200: { description: "The counts", schema: runCountsSchema } },
    errors: queryErrors,
  },
  {
    method: "get",
    path: "/api/runs/versions",
    tag: "Runs",
    summary: "An automation's published versions and their steps",
    description: "Newest first, each with the steps of its own graph (node id and label): the values the list's `version` and `nodeId` filters take.",
    permission: "read",
    params: { query: versionStepsQuery },
    responses: { 200: { description: "The versions", schema: versionStepsSchema } },
    errors: { ...queryErrors, 404: "No automation with this id in the workspace" },
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
  {
    method: "post",
    path: "/api/runs/{id}/complete-wait",
    tag: "Runs",
    summary: "Skip the wait, or treat it as replied",
    description: "The run leaves its pending wait now: `noResponse` takes the path silence would (a delay ends, a webhook retry calls now), `replied` a Customer Response's replied handle. History and the audit log name the operator.",
    permission: "runs:write",
    params: { path: runId },
    body: { schema: completeWaitBody.meta({ id: "CompleteWaitInput" }) },
    responses: { 200: { description: "Where the run is now", schema: z.object({ status: runStatusSchema }) } },
    errors: { 400: "Invalid body", 404: noRun, 409: "The run has no pending wait (it moved on meanwhile), or only a Customer Response can be treated as replied" },
  },
  {
    method: "post",
    path: "/api/runs/bulk",
    tag: "Runs",
    summary: "Cancel runs, or skip their waits, in bulk",
    description: "The runs named by `runIds` or matching the filters (at least one). With `limit`, acts on that many, newest first, from `cursor`, and returns the next cursor: loop on it to show progress. Pass `startedBefore` to keep runs started meanwhile out.",
    permission: "runs:write",
    body: { schema: bulkBody.meta({ id: "BulkRunsInput" }) },
    responses: { 200: { description: "How many runs changed", schema: z.object({ affected: z.number().int(), processed: z.number().int(), nextCursor: z.string().nullable() }) } },
    errors: { 400: "Invalid body, or no filter" },
  },
];
