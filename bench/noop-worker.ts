import { jobCatalog } from "../jobs/catalog.ts";
import { subscribe } from "../jobs/worker.ts";
import { createBoss, QUEUES } from "../lib/queue.ts";

/**
 * A worker process for the yardstick: the same pg-boss instance options (createBoss) and the same
 * subscriptions (slots, work() options) as jobs/worker.ts uses for the engine queue each no-op queue models, but a
 * handler that does nothing but report each job completed. BENCH_NOOP_QUEUES: `noop-queue=engine-queue,...`.
 */
const pairs = (process.env.BENCH_NOOP_QUEUES ?? "").split(",").filter(Boolean).map((pair) => pair.split("="));
if (pairs.length === 0) throw new Error("BENCH_NOOP_QUEUES is not set");

const boss = createBoss();
await boss.start();
for (const [queue, model] of pairs) {
  const engineQueue = Object.values(QUEUES).find((name) => name === model);
  if (!queue || !engineQueue) throw new Error(`BENCH_NOOP_QUEUES: no engine queue named ${model}`);
  await subscribe(boss, queue, jobCatalog[engineQueue], async (jobs) => jobs.map((job) => ({ id: job.id, status: "completed" as const })));
}
console.log(`[noop-worker] ${process.pid} ready`);
const stop = async () => {
  await boss.stop({ graceful: true, timeout: 10_000 });
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
