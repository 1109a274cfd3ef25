import { createAutomationInput, updateAutomationInput } from "../../automations/automations.ts";
import { listAutomationsQuery } from "../../automations/list-automations.ts";
import { startRunsInput } from "../../engine/start-runs.ts";
import { statsQuery } from "../../stats/automation-stats.ts";
import { automationListSchema, automationSchema, automationStatsSchema, publishResultSchema } from "./automation-responses.ts";
import { jsonBodyErrors, mebibytes, queryErrors } from "./common-errors.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";
import { startedRunsSchema } from "./run-responses.ts";

const automationId = idParam("automation");
const noAutomation = "No automation with this id in the workspace";

export const automationRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/automations",
    tag: "Automations",
    summary: "List automations",
    description: "Most recently edited first, a page at a time.",
    permission: "read",
    params: { query: listAutomationsQuery },
    responses: { 200: { description: "A page of automations", schema: automationListSchema } },
    errors: queryErrors,
  },
  {
    method: "post",
    path: "/api/automations",
    tag: "Automations",
    summary: "Create an automation",
    description: "Without a `graph`, the draft starts with a lone trigger.",
    permission: "automations:write",
    body: { schema: createAutomationInput.meta({ id: "CreateAutomationInput" }) },
    responses: { 201: { description: "Created", schema: automationSchema } },
    errors: jsonBodyErrors,
  },
  {
    method: "get",
    path: "/api/automations/{id}",
    tag: "Automations",
    summary: "Get an automation",
    description: "Its draft graph and the number of its latest published version.",
    permission: "read",
    params: { path: automationId },
    responses: { 200: { description: "The automation", schema: automationSchema } },
    errors: { 404: noAutomation },
  },
  {
    method: "put",
    path: "/api/automations/{id}",
    tag: "Automations",
    summary: "Save the draft",
    description: "Shape-checked only: a draft may be incomplete. Publishing checks the rest.",
    permission: "automations:write",
    params: { path: automationId },
    body: { schema: updateAutomationInput.meta({ id: "UpdateAutomationInput" }) },
    responses: { 200: { description: "Saved", schema: automationSchema } },
    errors: { ...jsonBodyErrors, 404: noAutomation },
  },
  {
    method: "post",
    path: "/api/automations/{id}/publish",
    tag: "Automations",
    summary: "Publish the draft",
    description: "Freezes the draft as the next immutable version; running runs keep the version they started on.",
    permission: "automations:write",
    params: { path: automationId },
    responses: { 201: { description: "Published", schema: publishResultSchema } },
    errors: {
      404: noAutomation,
      409: "Published concurrently by someone else: try again",
      422: "The graph has problems to fix (no trigger, an unconnected required handle, a bad timeout...): `issues` names the nodes and edges at fault",
    },
  },
  {
    method: "post",
    path: "/api/automations/{id}/runs",
    tag: "Runs",
    summary: "Start runs",
    description: "Starts the latest published version for each contact (created on first sight). Up to 10,000 contacts per request.",
    permission: "runs:write",
    params: { path: automationId },
    body: { schema: startRunsInput.meta({ id: "StartRunsInput" }) },
    responses: { 202: { description: "Started: the runs go on in the background", schema: startedRunsSchema } },
    errors: {
      ...jsonBodyErrors,
      400: "The body fails validation, or a phone is listed twice: `issues` names the field at fault",
      // The route reads up to 2 MiB: 10,000 contacts with names.
      413: `The body is larger than ${mebibytes(2 * 1024 * 1024)}`,
      404: noAutomation,
      409: "The automation has no published version (or nothing after its trigger)",
      429: "The workspace starts runs faster than its limit (RATE_LIMIT_RUN_STARTS requests a minute, 120 by default): retry after `Retry-After` seconds",
    },
  },
  {
    method: "get",
    path: "/api/automations/{id}/stats",
    tag: "Automations",
    summary: "Numbers per step of a published version",
    description:
      "Per node: how many entered, how many are there now (`active`, with the soonest timeout of those waiting), how many left on each handle; per Customer Response: replied, noResponse, pending, reply rate and time to reply (p50/p90, from a histogram with bounds 10 s … 30 days, interpolated). Counted as runs move, per version, so editing the draft never changes them; simulator runs never count. `versions` lists the published versions, newest first.",
    permission: "read",
    params: { path: automationId, query: statsQuery },
    responses: { 200: { description: "The version's numbers", schema: automationStatsSchema } },
    errors: { ...queryErrors, 404: `${noAutomation}; or nothing published yet; or no such version` },
  },
];
