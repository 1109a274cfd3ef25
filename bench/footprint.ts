import { readFileSync } from "node:fs";
import type { BenchContext, Metric, Processes } from "./helpers.ts";

const SCENARIO = "e. footprint";
const APP_TABLES = ["Contact", "Run", "RunStep", "Wait", "Message"];

export type TableSizes = Record<string, number>;

/** Bytes on disk (with indexes and TOAST) of the engine's tables, pg-boss's job table (all partitions) and the database. */
export async function tableSizes({ pool }: BenchContext): Promise<TableSizes> {
  const { rows } = await pool.query<{ name: string; bytes: string }>(`
    SELECT t AS name, pg_total_relation_size(format('%I', t)::regclass) AS bytes FROM unnest($1::text[]) t
    UNION ALL SELECT 'pgboss.job', sum(pg_total_relation_size(relid)) FROM pg_partition_tree('pgboss.job')
    UNION ALL SELECT 'whole database', pg_database_size(current_database())`, [APP_TABLES]);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]));
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
