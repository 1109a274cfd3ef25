import { spawnReady as spawnProcesses, type ReadyProcesses } from "../scripts/spawn-ready.ts";
import type pg from "pg";
import { fixture, publishedAutomation, withData } from "../test/helpers/scenario.ts";

/** One row of the results table. */
export type Metric = { scenario: string; metric: string; value: number; unit: string };

/** Everything a scenario needs: a pool on the bench database for measuring queries. */
export type BenchContext = { pool: pg.Pool; workers: number };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Nearest-rank percentile; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** p50/p99/max rows for a list of millisecond samples. */
export function distribution(scenario: string, label: string, values: number[]): Metric[] {
  return [
    { scenario, metric: `${label} p50`, value: percentile(values, 50), unit: "ms" },
    { scenario, metric: `${label} p99`, value: percentile(values, 99), unit: "ms" },
    { scenario, metric: `${label} max`, value: Math.max(...values), unit: "ms" },
  ];
}

/** Polls until check returns true, or throws saying what it last saw. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 120_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Runs a query whose rows have one numeric column `ms`. */
export async function millis(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number[]> {
  const { rows } = await pool.query<{ ms: string | number }>(sql, params);
  return rows.map((row) => Number(row.ms));
}

/** `count` distinct E.164 phones, `+39` then the prefix then a zero-padded index. */
export const phones = (prefix: string, total: number) =>
  Array.from({ length: total }, (_, i) => ({ phone: `+39${prefix}${String(i).padStart(10 - prefix.length, "0")}` }));

/** The reply-or-remind fixture (trigger → send → Customer Response → thanks | remind → end), published. */
export async function publishReplyOrRemind(name: string, timeout: { amount: number; unit: "seconds" | "hours" }): Promise<string> {
  return (await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout } }), name)).id;
}

export type Processes = ReadyProcesses;

/** Spawns `total` processes of a TypeScript script and resolves once each printed "ready". */
export const spawnReady = (script: string, total: number, env: Record<string, string> = {}): Promise<Processes> =>
  spawnProcesses(script, total, env, Boolean(process.env.BENCH_VERBOSE));
