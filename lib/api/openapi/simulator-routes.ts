import { z } from "zod";
import { testRunInput } from "../../simulator/start-test-run.ts";
import { testReplyInput } from "../../simulator/test-run-actions.ts";
import { jsonBodyErrors } from "./common-errors.ts";
import type { RouteEntry } from "./route-entry.ts";

const testRunParams = z.object({
  id: z.string().min(1).meta({ description: "The automation's id" }),
  runId: z.string().min(1).meta({ description: "The test run's id (from POST /api/automations/{id}/test)" }),
});
const noTestRun = "No test run of yours with this id in this automation";

/** The editor's simulator: drafts tried for a sandbox test contact, never counted anywhere. */
export const simulatorRoutes: RouteEntry[] = [
  {
    method: "post",
    path: "/api/automations/{id}/test",
    tag: "Automations",
    summary: "Test a draft in the simulator",
    description:
      "Freezes the graph sent (the editor's draft, saved or not) as a test version and starts it for the caller's test contact (sandbox only, out of the contacts list; its earlier test runs are cancelled). Test runs never count in stats and are not in the runs list; read one with GET /api/runs/{id} and its messages with GET /api/contacts/{contactKey}/messages.",
    permission: "automations:write",
    params: { path: z.object({ id: z.string().min(1).meta({ description: "The automation's id" }) }) },
    body: { schema: testRunInput.meta({ id: "TestRunInput" }) },
    responses: {
      201: {
        description: "The test run started",
        schema: z.object({ runId: z.string(), version: z.number().int().max(-1).meta({ description: "The test version's number (negative)" }), contactKey: z.string() }),
      },
    },
    errors: { ...jsonBodyErrors, 404: "No automation with this id in the workspace", 422: "The draft has problems to fix before testing: `issues` names them" },
  },
  {
    method: "post",
    path: "/api/automations/{id}/test/{runId}/reply",
    tag: "Automations",
    summary: "Reply as the test contact",
    description: "A message (or a quick-reply button press) from the test contact: it completes the test run's Customer Response like any reply.",
    permission: "automations:write",
    params: { path: testRunParams },
    body: { schema: testReplyInput.meta({ id: "TestReplyInput" }) },
    responses: { 202: { description: "Stored; the waits it completed", schema: z.object({ completedWaits: z.number().int() }) } },
    errors: { ...jsonBodyErrors, 404: noTestRun },
  },
  {
    method: "post",
    path: "/api/automations/{id}/test/{runId}/skip",
    tag: "Automations",
    summary: "Skip the test run's wait or delay",
    description: "Ends the current wait now, as its timer would (a Customer Response takes No response, a delay goes on).",
    permission: "automations:write",
    params: { path: testRunParams },
    responses: { 200: { description: "The run moved on", schema: z.object({ status: z.string() }) } },
    errors: { 404: noTestRun, 409: "Nothing waits (the run moved on or finished)" },
  },
];
