import { readFileSync } from "node:fs";
import { log, sleep, type BenchContext, type Metric, type Processes } from "./helpers.ts";

const SCENARIO = "e. footprint";
const APP_TABLES = ["Contact", "Run", "RunStep", "Wait", "Message"];

export type TableSizes = Record<string, number>;
/** Row writes (inserts + updates + deletes) per table, and the WAL position. */
export type Activity = { writes: Record<string, number>; wal: string };

/** Backends flush their statistics within 10 s of going idle (PGSTAT_IDLE_INTERVAL). */
const STATS_FLUSH_MS = 11_000;

/** Bytes on disk (with indexes and TOAST) of the engine's tables, pg-boss's job table (all partitions) and the database. */
export async function tableSizes({ pool }: BenchContext): Promise<TableSizes> {
  const { rows } = await pool.query<{ name: string; bytes: string }>(`
    SELECT t AS name, pg_total_relation_size(format('%I', t)::regclass) AS bytes FROM unnest($1::text[]) t
    UNION ALL SELECT 'pgboss.job', sum(pg_total_relation_size(relid)) FROM pg_partition_tree('pgboss.job')
    UNION ALL SELECT 'whole database', pg_database_size(current_database())`, [APP_TABLES]);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]));
}

/** Row writes so far and the WAL position, once every backend has flushed its statistics. */
export async function activity({ pool }: BenchContext): Promise<Activity> {
  log(`  waiting ${STATS_FLUSH_MS / 1000} s for Postgres to flush its statistics`);
  await sleep(STATS_FLUSH_MS);
  const { rows } = await pool.query<{ name: string; n: string }>(`
    SELECT CASE WHEN schemaname = 'pgboss' THEN 'pgboss.job' ELSE relname END AS name, sum(n_tup_ins + n_tup_upd + n_tup_del) AS n
    FROM pg_stat_user_tables
    WHERE (schemaname = 'public' AND relname = ANY($1)) OR relid IN (SELECT relid FROM pg_partition_tree('pgboss.job'))
    GROUP BY 1`, [APP_TABLES]);
  const { rows: [wal] } = await pool.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  return { writes: Object.fromEntries(rows.map((row) => [row.name, Number(row.n)])), wal: wal?.lsn ?? "0/0" };
}

/** Row writes and WAL bytes per run between two activity readings. */
export async function activityMetrics({ pool }: BenchContext, before: Activity, after: Activity, runs: number): Promise<Metric[]> {
  const perRun = (name: string) => ((after.writes[name] ?? 0) - (before.writes[name] ?? 0)) / runs;
  const { rows: [wal] } = await pool.query<{ bytes: string }>("SELECT pg_wal_lsn_diff($1, $2) AS bytes", [after.wal, before.wal]);
  return [
    { scenario: SCENARIO, metric: "engine table row writes per run (a)", value: APP_TABLES.reduce((sum, name) => sum + perRun(name), 0), unit: "rows" },
    { scenario: SCENARIO, metric: "pgboss.job row writes per run (a)", value: perRun("pgboss.job"), unit: "rows" },
    { scenario: SCENARIO, metric: "WAL per run (a)", value: Number(wal?.bytes) / runs, unit: "bytes" },
  ];
}

/** Growth of each table between two measurements, scaled to 100,000 runs. */
export function sizeMetrics(before: TableSizes, after: TableSizes, runs: number): Metric[] {
  const per100k = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) / runs) * 100_000 / 2 ** 20;
  const app = APP_TABLES.reduce((sum, name) => sum + per100k(name), 0);
  return [
    ...APP_TABLES.map((name) => ({ scenario: SCENARIO, metric: `"${name}" per 100,000 runs (after a)`, value: per100k(name), unit: "MiB" })),
    { scenario: SCENARIO, metric: "engine tables per 100,000 runs", value: app, unit: "MiB" },
    { scenario: SCENARIO, metric: "pgboss.job per 100,000 runs", value: per100k("pgboss.job"), unit: "MiB" },
    { scenario: SCENARIO, metric: "whole database per 100,000 runs", value: per100k("whole database"), unit: "MiB" },
  ];
}

/** Peak resident memory (VmHWM) of each worker process, read before they are stopped. */
export function workerPeakMemory(workers: Processes): Metric[] {
  const peaks = workers.processes.map((child) => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
  });
  return peaks.map((value, i) => ({ scenario: SCENARIO, metric: `worker ${i + 1} peak memory (VmHWM)`, value, unit: "MiB" }));
}
