import { errorText, log } from "../lib/log.ts";
import { startMetricsFlush, stopMetricsFlush } from "../lib/metrics/flush.ts";
import { countJobs } from "../lib/metrics/record.ts";
import { existsSync, readFileSync } from "node:fs";
import { db } from "../lib/db.ts";
import { parseLimit } from "../lib/engine/limits.ts";
import { sweep } from "../lib/engine/sweep.ts";
import { createBoss, ensureQueues, registerBoss } from "../lib/queue.ts";
import { abortInFlight } from "../lib/shutdown.ts";
import { closePool } from "../lib/sql.ts";
import type { PgBoss } from "pg-boss";
import { jobCatalog, type BatchJob, type JobOutcome, type JobSpec } from "./catalog.ts";

/**
 * The worker process: registers a pg-boss handler per queue of the catalog, and sweeps for
 * stranded runs. Run as many as you like, on as many machines: every handler is safe to run
 * twice, races are settled in SQL, and one worker at a time sweeps.
 */
export async function startWorker() {
  const boss = createBoss();
  await boss.start();
  await ensureQueues(boss);
  registerBoss(boss);
  const active = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    active.add(work);
    void work.finally(() => active.delete(work)).catch(() => undefined);
    return work;
  };
  const handle = (name: string, spec: JobSpec) => async (jobs: BatchJob[]) => {
    const outcomes = await track(spec.handle(jobs));
    countJobs(name, "completed", outcomes.filter((o) => o.status === "completed").length);
    countJobs(name, "failed", outcomes.filter((o) => o.status === "failed").length);
    return outcomes;
  };
  for (const [name, spec] of Object.entries(jobCatalog)) await subscribe(boss, name, spec, handle(name, spec));
  startMetricsFlush();
  const stopSweeper = startSweeper();
  /**
   * Bounded: no new jobs; handlers get STOP_GRACE_MS to finish; 2 s before the end, sends still in
   * flight give up and record retries (their messages handed back); whatever is still active
   * then is failed back to the queue by pg-boss for other workers.
   */
  const stop = async () => {
    stopSweeper();
    await Promise.allSettled(Object.keys(jobCatalog).map((name) => boss.offWork(name, { wait: false })));
    await settled(active, Math.max(0, STOP_GRACE_MS - 2_000));
    abortInFlight();
    await settled(active, 2_000);
    await boss.stop({ graceful: false });
    await stopMetricsFlush();
  };
  return { boss, stop };
}

/**
 * One pg-boss subscription per slot, their first polls spread over the polling interval: slots
 * started together poll together, so a timer would wait up to a whole interval; staggered, a
 * worker with two slots looks for due timers every 0.25 s. (The bench's no-op worker uses it too.)
 */
export async function subscribe(boss: PgBoss, name: string, spec: Pick<JobSpec, "batchSize" | "concurrency">, handler: (jobs: BatchJob[]) => Promise<JobOutcome[]>) {
  const slots = spec.concurrency ?? parseLimit("WORKER_CONCURRENCY", process.env.WORKER_CONCURRENCY, 2);
  for (let slot = 0; slot < slots; slot++) {
    if (slot > 0) await new Promise((resolve) => setTimeout(resolve, (POLLING_SECONDS * 1000) / slots));
    await boss.work(name, workOptions(spec.batchSize), handler);
  }
}

const settled = (work: Set<Promise<unknown>>, ms: number) =>
  Promise.race([Promise.allSettled([...work]), new Promise((resolve) => setTimeout(resolve, ms))]);

/** How long a stopping worker lets its handlers finish (SIGTERM, Ctrl-C). */
const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS ?? 10_000);

/** pg-boss's minimum: due timers are found only by polling. */
const POLLING_SECONDS = 0.5;

/**
 * Polling every 0.5 s finds delayed jobs (timers) promptly; NOTIFY wakes workers at once for the
 * rest, with a 2 s poll as backstop; full batches are fetched back to back. Each job is settled on
 * its own (perJobResults). One slot per subscription (see startWorker).
 */
export const workOptions = (batchSize: number) => ({
  batchSize,
  pollingIntervalSeconds: POLLING_SECONDS,
  notifyPollingIntervalSeconds: 2,
  burstWhenBatchFull: true,
  includeMetadata: true as const,
  perJobResults: true as const,
  localConcurrency: 1,
});

/** Every SWEEP_INTERVAL_SECONDS, one worker (whichever gets the lock) repairs stranded runs. */
function startSweeper(): () => void {
  const interval = parseLimit("SWEEP_INTERVAL_SECONDS", process.env.SWEEP_INTERVAL_SECONDS, 15);
  const grace = parseLimit("SWEEP_GRACE_SECONDS", process.env.SWEEP_GRACE_SECONDS, 60);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sweep(grace)).catch((error: unknown) => log.error({ err: errorText(error) }, "sweep failed"));
  }, interval * 1000);
  return () => clearInterval(timer);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Beside `npm start` on the same machine, extra workers find its embedded database, and the key
  // it made for the Settings page's secrets, by default.
  if (!process.env.SETTINGS_ENCRYPTION_KEY && existsSync(".data/settings-key")) process.env.SETTINGS_ENCRYPTION_KEY = readFileSync(".data/settings-key", "utf8").trim();
  process.env.DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${process.env.APP_PG_PORT ?? 54320}/replyflow`;
  const worker = await startWorker();
  log.info({ pid: process.pid }, "worker ready");
  const stop = async () => {
    await worker.stop();
    await Promise.all([db().$disconnect(), closePool()]);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // A database restart makes clients error from inside libraries: log it and stay up (the pools
  // reconnect, jobs are retried); exiting would turn a blip into an outage.
  process.on("unhandledRejection", (error) => log.error({ err: errorText(error) }, "unhandled rejection (staying up)"));
}
