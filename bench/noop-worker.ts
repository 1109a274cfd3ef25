import { jobCatalog } from "../jobs/catalog.ts";
import { workOptions } from "../jobs/worker.ts";
import { createBoss, QUEUES } from "../lib/queue.ts";

/**
 * A worker process for scenario (d): the same pg-boss instance options (createBoss) and the same
 * work() options as jobs/worker.ts uses for run-step, but a handler that does nothing.
 */
const queue = process.env.BENCH_NOOP_QUEUE;
if (!queue) throw new Error("BENCH_NOOP_QUEUE is not set");

const boss = createBoss();
await boss.start();
await boss.work(queue, workOptions(jobCatalog[QUEUES.runStep].batchSize), (jobs) => Promise.all(jobs.map(async () => undefined)));
console.log(`[noop-worker] ${process.pid} ready`);
const stop = async () => {
  await boss.stop({ graceful: true, timeout: 10_000 });
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
