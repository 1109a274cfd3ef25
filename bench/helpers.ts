import { spawnReady as spawnProcesses, type ReadyProcesses } from "../scripts/spawn-ready.ts";
import type pg from "pg";
import type { DurationUnit } from "../lib/flow/duration.ts";
import { fixture, publishedAutomation, withData } from "../test/helpers/scenario.ts";

/**
 * What a figure is read against, from the pg-boss no-op runs of the same bench run (boss-noop.ts):
 * its throughput, the time it takes to pass `jobs` jobs, its send → done latency, or its timer
 * lateness (same percentile).
 */
export type Yardstick =
  | { kind: "rate" }
  | { kind: "jobs"; jobs: number }
  | { kind: "latency"; stat: Stat }
  | { kind: "timer"; stat: Stat };
export type Stat = "p50" | "p99" | "max";

/** One row of the results table. `id` names the no-op figures that yardsticks refer to. */
export type Metric = { scenario: string; metric: string; value: number; unit: string; goal?: string; yardstick?: Yardstick; id?: string };

/** Everything a scenario needs: a pool on the bench database for measuring queries. */
export type BenchContext = { pool: pg.Pool; workers: number };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const began = performance.now();

/** A progress line, so that a long run is never silent. */
export const log = (text: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${text}`);

export const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

/** Nearest-rank percentile; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** p50/p99/max rows for a list of millisecond samples; `extra` adds a goal or a yardstick per row. */
export function distribution(scenario: string, label: string, values: number[], extra: (stat: Stat) => Partial<Metric> = () => ({})): Metric[] {
  const stats: [Stat, number][] = [["p50", percentile(values, 50)], ["p99", percentile(values, 99)], ["max", values.length ? Math.max(...values) : Number.NaN]];
  return stats.map(([stat, value]) => ({ scenario, metric: `${label} ${stat}`, value, unit: "ms", ...extra(stat) }));
}

/** Polls until check returns true, or throws saying what it last saw. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 120_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Polls a count until it reaches `total`, printing progress every 5 s. Gives up only when the
 * count has not moved for BENCH_STALL_SECONDS (a hang guard, not a time limit on the engine).
 */
export async function waitForCount(label: string, current: () => Promise<number>, total: number, intervalMs = 250): Promise<void> {
  const stallMs = envNumber("BENCH_STALL_SECONDS", 180) * 1000;
  let last = -1;
  let movedAt = performance.now();
  let printedAt = performance.now();
  for (;;) {
    const n = await current();
    if (n >= total) return;
    if (n !== last) [last, movedAt] = [n, performance.now()];
    if (performance.now() - movedAt > stallMs) throw new Error(`${label}: stuck at ${thousands(n)}/${thousands(total)} for ${stallMs / 1000} s`);
    if (performance.now() - printedAt > 5_000) {
      printedAt = performance.now();
      log(`  ${label}: ${thousands(n)}/${thousands(total)}`);
    }
    await sleep(intervalMs);
  }
}

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Runs a query whose rows have one numeric column `ms`. */
export async function millis(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number[]> {
  const { rows } = await pool.query<{ ms: string | number | null }>(sql, params);
  return rows.flatMap((row) => (row.ms === null ? [] : [Number(row.ms)]));
}

/** The database clock now, in epoch milliseconds (microsecond precision): every duration is measured on it. */
export async function dbClock(pool: pg.Pool): Promise<number> {
  const [ms] = await millis(pool, "SELECT EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS ms");
  if (ms === undefined) throw new Error("clock_timestamp() returned nothing");
  return ms;
}

/** `count` distinct E.164 phones, `+39` then the prefix then a zero-padded index. */
export const phones = (prefix: string, total: number) =>
  Array.from({ length: total }, (_, i) => ({ phone: `+39${prefix}${String(i).padStart(10 - prefix.length, "0")}`, name: `Contact ${i}` }));

/** The reply-or-remind fixture (trigger → send → Customer Response → thanks | remind → end), published. */
export async function publishReplyOrRemind(name: string, timeout: { amount: number; unit: DurationUnit }): Promise<string> {
  return (await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout } }), name)).id;
}

export type Processes = ReadyProcesses;

const running = new Set<Processes>();

/** Spawns `total` processes of a TypeScript script and resolves once each printed "ready". */
export async function spawnReady(script: string, total: number, env: Record<string, string> = {}): Promise<Processes> {
  const processes = await spawnProcesses(script, total, env, Boolean(process.env.BENCH_VERBOSE));
  running.add(processes);
  return {
    ...processes,
    stop: async () => {
      running.delete(processes);
      await processes.stop();
    },
  };
}

/** Stops every process spawnReady started that is still running (on failure or Ctrl-C). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((processes) => processes.stop().catch(() => undefined)));
  running.clear();
}
