import { z } from "zod";
import { graphSchema } from "../../flow/graph.ts";
import { nextCursor, timestamp } from "./timestamp.ts";

const publishedVersion = z.number().int().min(1).nullable().meta({ description: "The latest published version, or null before the first publish" });

/** `AutomationView` (lib/automations/automation-view.ts): the draft graph and the latest version. */
export const automationSchema = z
  .object({ id: z.string(), name: z.string(), graph: graphSchema, publishedVersion, updatedAt: timestamp })
  .meta({ id: "Automation" });

/** `AutomationSummary` (lib/automations/list-automations.ts): a list row, without the graph. */
export const automationSummarySchema = z
  .object({ id: z.string(), name: z.string(), publishedVersion, createdAt: timestamp, updatedAt: timestamp })
  .meta({ id: "AutomationSummary" });

export const automationListSchema = z
  .object({ automations: z.array(automationSummarySchema), nextCursor })
  .meta({ id: "AutomationList" });

export const publishResultSchema = z
  .object({ version: z.number().int().min(1).meta({ description: "The version just frozen; new runs start on it" }) })
  .meta({ id: "PublishResult" });

const count = z.number().int().min(0);

export const automationStatsSchema = z
  .object({
    version: z.number().int().min(1),
    versions: z.array(z.number().int().min(1)).meta({ description: "Published versions, newest first" }),
    nodes: z.record(
      z.string(),
      z.object({
        entered: count,
        active: count.meta({ description: "Runs at this step now (waiting, or about to move on)" }),
        soonestTimeoutAt: z.string().nullable().meta({ description: "The earliest timeout of the runs waiting here" }),
        exits: z.record(z.string(), count).meta({ description: "Runs that left on each handle (`default` for a single output)" }),
      }),
    ),
    waits: z.record(
      z.string(),
      z.object({
        replied: count,
        noResponse: count,
        pending: count,
        replyRate: z.number().min(0).max(1).nullable(),
        timeToReply: z.object({ p50Seconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
      }),
    ),
  })
  .meta({ id: "AutomationStats" });
