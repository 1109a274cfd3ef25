import { z } from "zod";
import { db } from "../lib/db.ts";
import { advanceRun } from "../lib/engine/advance-run.ts";
import { failRun } from "../lib/engine/fail-run.ts";
import { timeoutWait } from "../lib/engine/timeout-wait.ts";
import { QUEUES } from "../lib/queue.ts";

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobRunner = {
  batchSize: number;
  /** Parses the payload and runs the handler; on the last attempt, gives up cleanly instead. */
  run: (data: unknown, lastAttempt: boolean) => Promise<void>;
};

function defineJob<S extends z.ZodType>(spec: {
  payload: S;
  handle: (data: z.infer<S>) => Promise<unknown>;
  /** The run must not sit stuck when its job can no longer succeed. */
  giveUp: (data: z.infer<S>, error: unknown) => Promise<void>;
  batchSize: number;
}): JobRunner {
  return {
    batchSize: spec.batchSize,
    run: async (data, lastAttempt) => {
      const parsed = spec.payload.safeParse(data);
      // A payload no handler can read will not get better with retries: log it and drop it.
      if (!parsed.success) return console.error("[worker] invalid job payload", data, parsed.error.issues);
      try {
        await spec.handle(parsed.data);
      } catch (error) {
        if (!lastAttempt) throw error;
        console.error("[worker] job failed for good", data, error);
        await spec.giveUp(parsed.data, error);
      }
    },
  };
}

const failure = (error: unknown) =>
  `Internal error after repeated attempts: ${error instanceof Error ? error.message : String(error)}`;

/** Queue name → payload schema → handler. Handlers are thin: parse, call one engine function. */
export const jobCatalog: Record<QueueName, JobRunner> = {
  [QUEUES.runStep]: defineJob({
    payload: z.object({ runId: z.string().min(1) }),
    handle: ({ runId }) => advanceRun(runId),
    giveUp: ({ runId }, error) => failRun(runId, failure(error)),
    batchSize: 10,
  }),
  [QUEUES.waitTimeout]: defineJob({
    payload: z.object({ waitId: z.string().min(1) }),
    handle: ({ waitId }) => timeoutWait(waitId),
    giveUp: async ({ waitId }, error) => {
      const wait = await db().wait.findUnique({ where: { id: waitId }, select: { runId: true } });
      if (wait) await failRun(wait.runId, failure(error));
    },
    batchSize: 50,
  }),
};
