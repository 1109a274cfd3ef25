import { z } from "zod";

/**
 * `GET /api/automations/:id/stats?version=N` as the canvas reads it (DESIGN.md, "Operators"):
 * counts per node of one published version, parsed on arrival so the overlay stays honest.
 */
const count = z.number().int().nonnegative();

export const nodeStatsSchema = z.object({
  entered: count,
  /** Runs at this step now (waiting, or about to move on). */
  active: count,
  /** The earliest timeout among those waiting here; null when none waits on a timer. */
  soonestTimeoutAt: z.string().nullish(),
  /** How many left on each output handle ("default" for a node's single output). */
  exits: z.record(z.string(), count),
});
export type NodeStats = z.infer<typeof nodeStatsSchema>;

export const waitStatsSchema = z.object({
  replied: count,
  noResponse: count,
  pending: count,
  replyRate: z.number().min(0).max(1).nullable(),
  timeToReply: z.object({ p50Seconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
});
export type WaitStats = z.infer<typeof waitStatsSchema>;

export const automationStatsSchema = z.object({
  version: z.number().int(),
  /** Published versions, newest first. */
  versions: z.array(z.number().int()).default([]),
  nodes: z.record(z.string(), nodeStatsSchema),
  waits: z.record(z.string(), waitStatsSchema).default({}),
});
export type AutomationStats = z.infer<typeof automationStatsSchema>;
