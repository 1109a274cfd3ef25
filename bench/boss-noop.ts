import { boss, QUEUES, queueDefinitions } from "../lib/queue.ts";
import { count, dbClock, distribution, log, millis, sleep, spawnReady, waitForCount, type BenchContext, type Metric } from "./helpers.ts";

const SCENARIO = "yardstick: pg-boss no-op";
const QUEUE = "bench-noop";
const TIMER_QUEUE = "bench-noop-timer";

/**
 * The yardstick every figure is printed beside: raw pg-boss on queues configured like run-step
 * (throughput, send → done latency) and wait-timeout (timer lateness), worked by BENCH_WORKERS
 * separate processes (bench/noop-worker.ts) with the engine's worker options and a handler that
 * does nothing. Run it with the engine workers stopped. All figures on the database clock.
 */
export async function benchBossNoop(context: BenchContext, total: number, latencyJobs: number, perSecond: number, timers: number): Promise<Metric[]> {
  const instance = await boss();
  await instance.createQueue(QUEUE, options(QUEUES.runStep));
  await instance.createQueue(TIMER_QUEUE, options(QUEUES.waitTimeout));
  const processes = await spawnReady("bench/noop-worker.ts", context.workers, {
    BENCH_NOOP_QUEUES: `${QUEUE}=${QUEUES.runStep},${TIMER_QUEUE}=${QUEUES.waitTimeout}`,
  });
  try {
    return [
      ...(await throughput(context, total)),
      ...(await latency(context, latencyJobs, perSecond)),
      ...(await timerLateness(context, timers)),
    ];
  } finally {
    await processes.stop();
  }
}

function options(model: string) {
  const definition = queueDefinitions().find((q) => q.name === model);
  if (!definition) throw new Error(`No queue definition for ${model}`);
  const { name: _name, ...rest } = definition;
  return rest;
}

/** `total` jobs in one insert: jobs / (last completed − first created). */
async function throughput({ pool, workers }: BenchContext, total: number): Promise<Metric[]> {
  log(`${SCENARIO}: ${total} jobs in one insert`);
  const before = await dbClock(pool);
  await (await boss()).insert(QUEUE, Array.from({ length: total }, (_, i) => ({ data: { phase: "throughput", i } })));
  const insertMs = (await dbClock(pool)) - before;
  await waitForCount("no-op jobs completed", () => count(pool, `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [QUEUE]), total);
  const [elapsed = Number.NaN] = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (max(completed_on) - min(created_on))) * 1000 AS ms FROM pgboss.job WHERE name = $1`, [QUEUE]);
  return [
    { scenario: SCENARIO, metric: `insert ${total} jobs`, value: insertMs, unit: "ms" },
    { scenario: SCENARIO, metric: `work ${total} jobs (${workers} processes)`, value: elapsed, unit: "ms" },
    { scenario: SCENARIO, metric: "throughput", value: (total / elapsed) * 1000, unit: "jobs/s", id: "noop.rate" },
  ];
}

/** Jobs sent one by one at `perSecond` (like replies): created_on → completed_on. */
async function latency({ pool }: BenchContext, total: number, perSecond: number): Promise<Metric[]> {
  log(`${SCENARIO}: ${total} jobs sent at ${perSecond}/s`);
  const instance = await boss();
  await Promise.all(Array.from({ length: total }, async (_, i) => {
    await sleep((i * 1000) / perSecond);
    await instance.send(QUEUE, { phase: "latency", i });
  }));
  const done = `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND data->>'phase' = 'latency' AND state = 'completed'`;
  await waitForCount("paced no-op jobs completed", () => count(pool, done, [QUEUE]), total);
  const ms = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (completed_on - created_on)) * 1000 AS ms FROM pgboss.job WHERE name = $1 AND data->>'phase' = 'latency'`, [QUEUE]);
  return distribution(SCENARIO, `send → done (${perSecond}/s)`, ms, (stat) => ({ id: `noop.latency.${stat}` }));
}

/** Delayed jobs due over the next 5..15 s (like b2's timeouts): start_after → completed_on. */
async function timerLateness({ pool }: BenchContext, total: number): Promise<Metric[]> {
  log(`${SCENARIO}: ${total} delayed jobs due over 10 s`);
  await (await boss()).insert(TIMER_QUEUE, Array.from({ length: total }, () => ({ data: {}, startAfter: 5 + Math.random() * 10 })));
  await waitForCount("no-op timers completed", () => count(pool, `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [TIMER_QUEUE]), total);
  const ms = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (completed_on - start_after)) * 1000 AS ms FROM pgboss.job WHERE name = $1`, [TIMER_QUEUE]);
  return distribution(SCENARIO, "timer due → done", ms, (stat) => ({ id: `noop.timer.${stat}` }));
}
