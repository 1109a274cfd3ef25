import { db } from "../lib/db.ts";
import { closePool } from "../lib/sql.ts";
import { createBoss, ensureQueues, RETRY_LIMIT, registerBoss } from "../lib/queue.ts";
import { jobCatalog } from "./catalog.ts";

/**
 * The worker process: registers a pg-boss handler per queue of the catalog. Run as many as you
 * like, on as many machines: every handler is safe to run twice and races are settled in SQL.
 */
export async function startWorker() {
  const boss = createBoss();
  await boss.start();
  await ensureQueues(boss);
  registerBoss(boss);
  for (const [name, spec] of Object.entries(jobCatalog)) {
    await boss.work(name, workOptions(spec.batchSize), (jobs) =>
      Promise.all(jobs.map((job) => spec.run(job.data, job.retryCount >= RETRY_LIMIT))),
    );
  }
  return boss;
}

/**
 * Polling every 0.5 s (pg-boss's minimum) finds delayed jobs (timeouts) promptly; NOTIFY wakes
 * workers at once for the rest, with a 2 s poll as backstop; full batches are fetched back to back.
 */
export const workOptions = (batchSize: number) => ({
  batchSize,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 2,
  burstWhenBatchFull: true,
  includeMetadata: true as const,
  localConcurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
});

if (import.meta.url === `file://${process.argv[1]}`) {
  // Beside `npm start` on the same machine, extra workers find its embedded database by default.
  process.env.DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${process.env.APP_PG_PORT ?? 54320}/replyflow`;
  const boss = await startWorker();
  console.log(`[worker] ${process.pid} ready`);
  const stop = async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
    await Promise.all([db().$disconnect(), closePool()]);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
