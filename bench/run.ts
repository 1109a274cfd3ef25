import os from "node:os";
import pg from "pg";
import { db } from "../lib/db.ts";
import { boss } from "../lib/queue.ts";
import { closePool } from "../lib/sql.ts";
import { benchBossNoop } from "./boss-noop.ts";
import { openBenchDatabase, type BenchDatabase } from "./database.ts";
import { startFewWaits } from "./few-waits.ts";
import { activity, activityMetrics, sizeMetrics, tableSizes, workerPeakMemory } from "./footprint.ts";
import { envNumber, log, spawnReady, stopAllProcesses, thousands, type BenchContext, type Metric, type Processes } from "./helpers.ts";
import { benchManyWaits } from "./many-waits.ts";
import { runPgLimits } from "./pg-limits.ts";
import { benchReplyLatency } from "./reply-latency.ts";
import { benchReplyUnderLoad } from "./reply-under-load.ts";
import { printReport, writeResults, type Machine } from "./report.ts";
import { benchSimultaneousTimeouts } from "./simultaneous-timeouts.ts";
import { benchSizes, type Sizes } from "./sizes.ts";
import { benchBulkStart } from "./start-runs.ts";
import { benchTimeouts } from "./timeouts.ts";

/**
 * `npm run bench` (quick) or `npm run bench -- --full`: a fresh database (embedded Postgres unless
 * DATABASE_URL is set), real worker processes, then the scenarios in bench/README.md's order and
 * the pg-boss no-op yardstick with the engine workers stopped. Prints a table and writes
 * bench/results/latest.json. `npm run bench -- --pg-limits` measures the Postgres server instead.
 */
if (process.argv.includes("--pg-limits")) {
  await runPgLimits();
  process.exit(0);
}

const sizes = benchSizes(process.argv.includes("--full"));
const workers = envNumber("BENCH_WORKERS", 2);
const began = performance.now();
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const loadAtStart = load();

let database: BenchDatabase | undefined;
let pool: pg.Pool | undefined;
let bossStarted = false;
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    await stopAllProcesses();
    if (bossStarted) await (await boss()).stop({ graceful: false }).catch(() => undefined);
    await db().$disconnect().catch(() => undefined);
    await closePool().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await database?.dispose();
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping workers, dropping the database`);
    void cleanup().finally(() => process.exit(130));
  });
}
// A background promise (c2's start) failing after its scenario gave up must still clean up.
process.on("unhandledRejection", (error) => {
  console.error("[bench] unhandled rejection:", error);
  void cleanup().finally(() => process.exit(1));
});

let failed = false;
try {
  database = await openBenchDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  log(`${sizes.full ? "full" : "quick"} mode; database ready (${database.server}), load average ${loadAtStart}`);
  const metrics = await runScenarios({ pool, workers }, sizes);
  const info = await machine(pool, database);
  printReport(info, metrics);
  console.log(`\nWrote ${writeResults(info, metrics)}`);
} catch (error) {
  failed = true;
  console.error("[bench] failed:", error);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);

async function runScenarios(context: BenchContext, sizes: Sizes): Promise<Metric[]> {
  bossStarted = true;
  await boss(); // pg-boss schema and queues exist before the workers race to create them
  const engineWorkers: Processes = await spawnReady("jobs/worker.ts", context.workers);
  log(`${context.workers} worker processes ready`);
  const metrics: Metric[] = [];

  const fewWaits = await startFewWaits(context, sizes);
  const replies = await benchReplyLatency(context, "c1. reply → next message (few waits)", fewWaits, {
    total: sizes.replies, perSecond: sizes.replyRate, tag: "c1",
  });
  metrics.push(...replies);
  const timeouts = await benchTimeouts(context, "b2. timeouts due over 10 s (few waits)", fewWaits, sizes.timeouts);
  metrics.push(...timeouts);

  const [sizesBefore, activityBefore] = [await tableSizes(context), await activity(context)];
  const bulk = await benchBulkStart(context, sizes.contacts);
  const [sizesAfter, activityAfter] = [await tableSizes(context), await activity(context)];
  metrics.push(...bulk.metrics, ...sizeMetrics(sizesBefore, sizesAfter, sizes.contacts), ...(await activityMetrics(context, activityBefore, activityAfter, sizes.contacts)));
  metrics.push(...(await benchSimultaneousTimeouts(context, bulk.automationId, sizes.simultaneous)));
  metrics.push(...(await benchReplyUnderLoad(context, fewWaits, sizes)));
  metrics.push(...(await benchManyWaits(context, sizes, { replies, timeouts })));

  metrics.push(...workerPeakMemory(engineWorkers));
  await engineWorkers.stop();
  log("engine workers stopped");
  metrics.push(...(await benchBossNoop(context, sizes.noopJobs, sizes.replies, sizes.replyRate, sizes.timeouts)));
  return metrics;
}

async function machine(pool: pg.Pool, database: BenchDatabase): Promise<Machine> {
  const { rows } = await pool.query<{ server_version: string }>("SHOW server_version");
  return {
    date: new Date().toISOString(),
    mode: sizes.full
      ? "full (the goals' sizes)"
      : `quick: (a) ${thousands(sizes.contacts)} contacts, (c2) ${thousands(sizes.loadContacts)}, (d) ${thousands(sizes.pendingWaits)} pending waits; goals are set for 100,000 / 100,000 / 1,000,000 (--full)`,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: `${rows[0]?.server_version ?? "?"} (${database.server})`,
    workers: `${workers} processes, localConcurrency ${process.env.WORKER_CONCURRENCY ?? 2}, DB pool ${process.env.DB_POOL_SIZE ?? 10}`,
    "load average": `${loadAtStart} at start, ${load()} at end (1/5/15 min)`,
    "total runtime": `${((performance.now() - began) / 1000).toFixed(1)} s`,
  };
}
