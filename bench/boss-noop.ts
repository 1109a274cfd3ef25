import { boss, QUEUES, queueDefinitions } from "../lib/queue.ts";
import { count, envNumber, millis, spawnReady, waitUntil, type BenchContext, type Metric } from "./helpers.ts";

const SCENARIO = "d. pg-boss no-op";
const QUEUE = "bench-noop";

/**
 * (d) The yardstick: raw pg-boss throughput on a queue configured like run-step, worked by
 * BENCH_WORKERS separate processes (bench/noop-worker.ts) with run-step's worker options and a
 * handler that does nothing. Run it with the engine workers stopped.
 */
export async function benchBossNoop({ pool, workers }: BenchContext): Promise<Metric[]> {
  const total = envNumber("BENCH_NOOP_JOBS", 10_000);
  const definition = queueDefinitions().find((q) => q.name === QUEUES.runStep);
  if (!definition) throw new Error(`No queue definition for ${QUEUES.runStep}`);
  const { name: _runStep, ...options } = definition;
  const instance = await boss();
  await instance.createQueue(QUEUE, options);
  const processes = await spawnReady("bench/noop-worker.ts", workers, { BENCH_NOOP_QUEUE: QUEUE });
  try {
    const started = performance.now();
    await instance.insert(QUEUE, Array.from({ length: total }, (_, i) => ({ data: { i } })));
    const insertMs = performance.now() - started;
    const done = () => count(pool, `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [QUEUE]);
    await waitUntil(async () => (await done()) === total, `${total} no-op jobs to complete`, 120_000);
    const wallMs = performance.now() - started;
    const [dbMs] = await millis(pool, `
      SELECT EXTRACT(EPOCH FROM (max(completed_on) - min(created_on))) * 1000 AS ms FROM pgboss.job WHERE name = $1`, [QUEUE]);
    const elapsed = dbMs ?? wallMs;
    return [
      { scenario: SCENARIO, metric: `insert ${total} jobs`, value: insertMs, unit: "ms" },
      { scenario: SCENARIO, metric: `work ${total} jobs (${workers} processes)`, value: elapsed, unit: "ms" },
      { scenario: SCENARIO, metric: "throughput (DB clock)", value: (total / elapsed) * 1000, unit: "jobs/s" },
    ];
  } finally {
    await processes.stop();
  }
}
