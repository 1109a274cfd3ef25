import os from "node:os";
import pg from "pg";
import { db } from "../lib/db.ts";
import { boss } from "../lib/queue.ts";
import { benchBossNoop } from "./boss-noop.ts";
import { openBenchDatabase } from "./database.ts";
import { envNumber, spawnReady, type BenchContext, type Metric, type Processes } from "./helpers.ts";
import { benchReplyLatency } from "./reply-latency.ts";
import { printReport, writeResults, type Machine } from "./report.ts";
import { benchBulkStart } from "./start-runs.ts";
import { benchTimeouts } from "./timeouts.ts";

/**
 * `npm run bench`: a fresh database (embedded Postgres unless DATABASE_URL is set), real worker
 * processes, scenarios (a) bulk start, (c) reply latency, (b) timeouts (on waits (a) created),
 * then (d) the pg-boss yardstick with the engine workers stopped. Prints a table and writes
 * bench/results/latest.json.
 */
const workers = envNumber("BENCH_WORKERS", 2);
const began = performance.now();
const log = (text: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${text}`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const loadAtStart = load();

const database = await openBenchDatabase();
log(`database ready (${database.server}), load average ${loadAtStart}`);
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const context: BenchContext = { pool, workers };
let engineWorkers: Processes | undefined;

let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    await engineWorkers?.stop().catch(() => undefined);
    await (await boss()).stop({ graceful: false }).catch(() => undefined);
    await db().$disconnect();
    await pool.end();
    await database.dispose();
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

let failed = false;
try {
  await boss(); // pg-boss schema and queues exist before the workers race to create them
  engineWorkers = await spawnReady("jobs/worker.ts", workers);
  log(`${workers} worker processes ready`);
  const metrics: Metric[] = [];
  const bulk = await benchBulkStart(context);
  metrics.push(...bulk.metrics);
  log("a. bulk start done");
  metrics.push(...(await benchReplyLatency(context, bulk.automationId)));
  log("c. reply latency done");
  metrics.push(...(await benchTimeouts(context, bulk.automationId)));
  log("b. timeouts done");
  await engineWorkers.stop();
  engineWorkers = undefined;
  metrics.push(...(await benchBossNoop(context)));
  log("d. pg-boss no-op done");
  const info = await machine();
  printReport(info, metrics);
  console.log(`\nWrote ${writeResults(info, metrics)}`);
} catch (error) {
  failed = true;
  console.error("[bench] failed:", error);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);

async function machine(): Promise<Machine> {
  const { rows } = await pool.query<{ server_version: string }>("SHOW server_version");
  return {
    date: new Date().toISOString(),
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
