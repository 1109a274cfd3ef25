import { z } from "zod";
import { runStatuses } from "../../runs/list-runs.ts";
import { nextCursor, timestamp } from "./timestamp.ts";

export const runStatusSchema = z.enum(runStatuses).meta({ id: "RunStatus" });

const serverTime = timestamp.meta({ description: "The database's clock, to count down to `wait.timeoutAt` without trusting the browser's" });

/** A run's pending wait: a Customer Response, a delay or a webhook retry (DESIGN.md "Operators"). */
export const waitSchema = z
  .object({
    nodeId: z.string(),
    timeoutAt: timestamp,
    kind: z.enum(["reply", "delay", "retry"]),
    attempt: z.number().int().optional().meta({ description: "A webhook retry: the call it will make" }),
    attempts: z.number().int().optional().meta({ description: "A webhook retry: the calls in all" }),
  })
  .meta({ id: "Wait" });

/** `toRunSummary` (lib/runs/run-summary.ts). */
export const runSummarySchema = z
  .object({
    id: z.string(),
    automationId: z.string(),
    automationName: z.string(),
    version: z.number().int().meta({ description: "The published version the run is pinned to" }),
    status: runStatusSchema,
    currentNodeId: z.string().nullable(),
    currentNodeLabel: z.string().nullable(),
    contactId: z.string(),
    phone: z.string().nullable(),
    waUserId: z.string().optional().meta({ description: "Meta's business-scoped user id, for a contact without a phone" }),
    contactName: z.string().nullable(),
    wait: waitSchema.nullable(),
    failureReason: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "RunSummary" });

export const runStepSchema = z
  .object({
    seq: z.number().int(),
    nodeId: z.string().nullable(),
    type: z.string().meta({ description: "The node type, or an engine event" }),
    label: z.string(),
    outcome: z.string().optional().meta({ description: "The handle taken: `replied`, `noResponse`, `true`, a route id, `success`..." }),
    detail: z.string().optional(),
    at: timestamp,
  })
  .meta({ id: "RunStep" });

/** `getRun` (lib/runs/runs.ts): the summary plus the append-only history. */
export const runDetailSchema = runSummarySchema
  .extend({ steps: z.array(runStepSchema), serverTime })
  .meta({ id: "RunDetail" });

export const runListSchema = z
  .object({ runs: z.array(runSummarySchema), nextCursor, serverTime })
  .meta({ id: "RunList" });

/** `StartedRun` (lib/engine/start-runs.ts), one per contact given. */
export const startedRunsSchema = z
  .object({ runs: z.array(z.object({ id: z.string(), contactId: z.string(), phone: z.string() })) })
  .meta({ id: "StartedRuns" });

export const cancelResultSchema = z.object({ status: z.literal("cancelled") }).meta({ id: "CancelResult" });

const count = z.number().int();

/** `countRuns` (lib/runs/count-runs.ts). */
export const runCountsSchema = z
  .object({ total: z.number().int(), byStatus: z.object({ running: count, waiting: count, completed: count, failed: count, cancelled: count }) })
  .meta({ id: "RunCounts" });

/** `versionSteps` (lib/runs/version-steps.ts). */
export const versionStepsSchema = z
  .object({
    versions: z.array(
      z.object({ version: z.number().int(), publishedAt: timestamp, steps: z.array(z.object({ nodeId: z.string(), label: z.string() })) }),
    ),
  })
  .meta({ id: "VersionSteps" });
