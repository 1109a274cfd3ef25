import { z } from "zod";

/** GET /api/runs/counts. */
export const runCountsSchema = z.object({
  total: z.number(),
  byStatus: z.object({ running: z.number(), waiting: z.number(), completed: z.number(), failed: z.number(), cancelled: z.number() }),
});
export type RunCounts = z.infer<typeof runCountsSchema>;

/** GET /api/runs/versions: an automation's published versions and their steps. */
export const versionStepsSchema = z.object({
  versions: z.array(z.object({ version: z.number(), publishedAt: z.string(), steps: z.array(z.object({ nodeId: z.string(), label: z.string() })) })),
});
export type VersionOption = z.infer<typeof versionStepsSchema>["versions"][number];

/** POST /api/runs/bulk. */
export const bulkResultSchema = z.object({ affected: z.number(), processed: z.number(), nextCursor: z.string().nullable() });
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type BulkAction = "cancel" | "skipWait";
