import { logFor } from "../lib/log.ts";
import { z } from "zod";
import { advanceRuns } from "../lib/engine/advance-runs.ts";
import { callWebhooks } from "../lib/engine/call-webhooks.ts";
import { deliverMessages } from "../lib/engine/deliver-messages.ts";
import { processWhatsappEvents } from "../lib/engine/process-whatsapp-events.ts";
import { failRun } from "../lib/engine/fail-run.ts";
import { parseLimit } from "../lib/engine/limits.ts";
import { timeoutWaits } from "../lib/engine/timeout-waits.ts";
import { QUEUES } from "../lib/queue.ts";
import { pool } from "../lib/sql.ts";

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What a handler needs of a pg-boss job. */
export type BatchJob = { id: string; data: unknown; retryCount: number; retryLimit: number };
export type JobOutcome = { id: string; status: "completed" | "failed"; output?: { message: string } };

export type JobSpec = {
  /** Jobs fetched at once; their items are processed together, many per transaction. */
  batchSize: number;
  /** Batches a worker processes at once on this queue; WORKER_CONCURRENCY when unset. */
  concurrency?: number;
  /** Settles every job on its own: one bad item fails its own job, never its batch mates. */
  handle: (jobs: BatchJob[]) => Promise<JobOutcome[]>;
};

/**
 * A batch job type: each job carries item ids (runs, waits); the items of a whole batch are
 * processed together and each job is settled by the fate of its own items. On a job's last
 * attempt its failing items are given up cleanly (their runs fail with the reason) instead of
 * sitting stuck; the sweeper does the same for jobs that died with their worker.
 */
function defineBatchJob<S extends z.ZodType>(spec: {
  payload: S;
  items: (data: z.infer<S>) => string[];
  process: (items: string[]) => Promise<Map<string, unknown>>;
  giveUp: (item: string, reason: string) => Promise<void>;
  batchSize: number;
}): JobSpec {
  return {
    batchSize: spec.batchSize,
    handle: async (jobs) => {
      const parsed = jobs.map((job) => ({ job, payload: spec.payload.safeParse(job.data) }));
      const failed = await spec.process(parsed.flatMap(({ payload }) => (payload.success ? spec.items(payload.data) : [])));
      return Promise.all(parsed.map(async ({ job, payload }) => {
        // A payload no handler can read will not get better with retries: log it and drop it.
        if (!payload.success) {
          logFor({ jobId: job.id }).error({ data: job.data, issues: payload.error.issues }, "invalid job payload; dropped");
          return { id: job.id, status: "completed" as const };
        }
        const errors = spec.items(payload.data).flatMap((item) => (failed.has(item) ? [[item, failed.get(item)] as const] : []));
        if (errors.length === 0) return { id: job.id, status: "completed" as const };
        const message = errors.map(([item, error]) => `${item}: ${describe(error)}`).join("; ");
        if (job.retryCount >= job.retryLimit) {
          logFor({ jobId: job.id }).error({ reason: message }, "job failed for good");
          for (const [item, error] of errors) await spec.giveUp(item, `Internal error after repeated attempts: ${describe(error)}`);
        }
        return { id: job.id, status: "failed" as const, output: { message } };
      }));
    },
  };
}

/** Gives up an item that is a row pointing at its run (a wait, a webhook call): that run fails. */
const failRunOf = (table: "Wait" | "WebhookCall") => async (id: string, reason: string) => {
  const { rows } = await pool().query<{ runId: string }>(`SELECT "runId" FROM "${table}" WHERE id = $1`, [id]);
  if (rows[0]) await failRun(rows[0].runId, reason);
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const runStep = defineBatchJob({
  payload: z.object({ runIds: z.array(z.string().min(1)).min(1) }),
  items: ({ runIds }) => runIds,
  process: (runIds) => advanceRuns(runIds, { enqueue: "interactive" }),
  giveUp: failRun,
  batchSize: 50,
});

/** Queue name → payload schema → handler. Handlers are thin: parse, call one engine function. */
export const jobCatalog: Record<QueueName, JobSpec> = {
  [QUEUES.runStep]: runStep,
  // The bulk lane: the same work, on its own queue, in slices of a campaign; one slot per worker
  // by default, so a campaign leaves the database room for the interactive lane's work.
  [QUEUES.runStepBulk]: { ...runStep, batchSize: 2, concurrency: parseLimit("BULK_CONCURRENCY", process.env.BULK_CONCURRENCY, 1) },
  [QUEUES.waitTimeout]: defineBatchJob({
    payload: z.object({ waitId: z.string().min(1) }),
    items: ({ waitId }) => [waitId],
    process: async (waitIds) => {
      const { failed, notDue } = await timeoutWaits(waitIds);
      // Fired before the deadline (clock rounding): failing the job retries it a moment later.
      for (const id of notDue) failed.set(id, new Error("Timer fired before the deadline; retrying"));
      return failed;
    },
    giveUp: failRunOf("Wait"),
    batchSize: 500,
  }),
  // Calls wait on the network, not the database: many at once per worker, each settled on its own.
  [QUEUES.webhookCall]: {
    ...defineBatchJob({
      payload: z.object({ callId: z.string().min(1), runIds: z.array(z.string()) }),
      items: ({ callId }) => [callId],
      process: callWebhooks,
      giveUp: failRunOf("WebhookCall"),
      batchSize: 10,
    }),
    concurrency: parseLimit("WEBHOOK_CONCURRENCY", process.env.WEBHOOK_CONCURRENCY, 2),
  },
  // Sends wait on Meta and on the number's pace: several batches at once, each sent in parallel.
  // A message that fails for good fails its run (delivery-failed.ts) inside deliverMessages.
  [QUEUES.messageSend]: {
    ...defineBatchJob({
      payload: z.object({ messageId: z.string().min(1) }),
      items: ({ messageId }) => [messageId],
      process: deliverMessages,
      // The message stays pending: the sweeper queues it again, and after
      // WHATSAPP_SEND_GIVE_UP_SECONDS it fails with the last error (and so does its run).
      giveUp: async (messageId, reason) => logFor({ messageId }).error({ reason }, "send job gave up; the sweeper queues the message again"),
      batchSize: 20,
    }),
    concurrency: parseLimit("SEND_CONCURRENCY", process.env.SEND_CONCURRENCY, 4),
  },
  [QUEUES.whatsappEvent]: defineBatchJob({
    payload: z.object({ eventId: z.string().min(1) }),
    items: ({ eventId }) => [eventId],
    process: processWhatsappEvents,
    giveUp: async (eventId, reason) => logFor({ eventId }).error({ reason }, "webhook event given up"),
    batchSize: 100,
  }),
};
