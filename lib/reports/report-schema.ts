import { z } from "zod";
import { nodeTypes } from "../flow/graph.ts";

/**
 * `GET /api/automations/:id/reports` as JSON: the OpenAPI document describes it with this schema
 * and the Reports page parses answers with it (isomorphic: zod only).
 */
const count = z.number().int().nonnegative();
const seconds = z.number().nonnegative().nullable();

export const funnelStepSchema = z.object({
  position: z.number().int().positive(),
  nodeId: z.string(),
  type: z.enum(nodeTypes),
  label: z.string(),
  summary: z.string().nullable(),
  entered: count,
  exits: z.array(z.object({ handle: z.string(), label: z.string(), count, targetNodeId: z.string().nullable() })),
});

export const histogramBucketSchema = z.object({ label: z.string(), upperBoundSeconds: z.number().nullable(), count });

export const replyStatsSchema = z.object({
  nodeId: z.string(),
  position: z.number().int().positive(),
  summary: z.string().nullable(),
  replied: count,
  noResponse: count,
  deliveryFailed: count,
  replyRate: z.number().min(0).max(1).nullable(),
  p50Seconds: seconds,
  p90Seconds: seconds,
  histogram: z.array(histogramBucketSchema),
});

export const dayOutcomesSchema = z.object({
  day: z.string(),
  started: count,
  completed: count,
  failed: count,
  cancelled: count,
  replied: count,
  noResponse: count,
});

export const automationReportSchema = z
  .object({
    automation: z.object({ id: z.string(), name: z.string() }),
    /** The version reported on; null while the automation was never published. */
    version: z.number().int().nullable(),
    /** Published versions, newest first. */
    versions: z.array(z.number().int()),
    publishedAt: z.string().nullable(),
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.literal("UTC") }),
    /** Today's date in UTC by the server's clock, for "last N days" presets. */
    today: z.string(),
    /** Since the version was published (counters have no dates), not only in the period. */
    funnel: z.array(funnelStepSchema),
    replies: z.array(replyStatsSchema),
    /** Every day of the period, quiet days with zeros. */
    byDay: z.array(dayOutcomesSchema),
  })
  .meta({ id: "AutomationReport" });
export type AutomationReport = z.output<typeof automationReportSchema>;
