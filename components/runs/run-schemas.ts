import { z } from "zod";

/** Shapes of the runs JSON API as this UI reads them; parsed on arrival so the views stay honest. */

export const runStatuses = ["running", "waiting", "completed", "failed", "cancelled"] as const;
export const runStatusSchema = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Statuses after which nothing changes any more. */
export const finishedStatuses: readonly RunStatus[] = ["completed", "failed", "cancelled"];
export const isFinished = (status: RunStatus) => finishedStatuses.includes(status);

export const runSummarySchema = z.object({
  id: z.string(),
  automationId: z.string(),
  automationName: z.string().nullish(),
  version: z.number(),
  status: runStatusSchema,
  currentNodeId: z.string().nullish(),
  currentNodeLabel: z.string().nullish(),
  contactId: z.string(),
  /** Null for a contact known only by its WhatsApp user id. */
  phone: z.string().nullable(),
  waUserId: z.string().nullish(),
  contactName: z.string().nullish(),
  wait: z
    .object({
      nodeId: z.string(),
      timeoutAt: z.string(),
      kind: z.enum(["reply", "delay", "retry"]).default("reply"),
      /** A webhook retry: the call it will make, of how many. */
      attempt: z.number().optional(),
      attempts: z.number().optional(),
    })
    .nullish(),
  failureReason: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runListSchema = z.object({
  runs: z.array(runSummarySchema),
  /** The next (older) page, or null when this is the last. */
  nextCursor: z.string().nullish(),
  serverTime: z.string().optional(),
});

export const runStepSchema = z.object({
  seq: z.number(),
  nodeId: z.string().nullish(),
  type: z.string(),
  label: z.string().nullish(),
  outcome: z.string().nullish(),
  detail: z.string().nullish(),
  at: z.string(),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runDetailSchema = runSummarySchema.extend({
  steps: z.array(runStepSchema),
  serverTime: z.string().optional(),
});
export type RunWithSteps = z.infer<typeof runDetailSchema>;

export const automationOptionSchema = z.object({ id: z.string(), name: z.string() });
export type AutomationOption = z.infer<typeof automationOptionSchema>;

export const automationListSchema = z.object({ automations: z.array(automationOptionSchema), nextCursor: z.string().nullish() });

export const cancelResultSchema = z.object({ status: z.string() });

export const apiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ message: z.string() })).optional(),
});
