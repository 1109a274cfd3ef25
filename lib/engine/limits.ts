import { z } from "zod";

/**
 * Guard rail against spinning: a run may take at most this many steps without waiting (a wait,
 * or the end of its transaction's work, resets nothing else). Long lives are fine: a reminder
 * loop that waits a day between laps runs for ever. Read once; an invalid value is refused at
 * start-up rather than silently turning the guard off.
 */
export const MAX_RUN_STEPS = parseLimit("MAX_RUN_STEPS", process.env.MAX_RUN_STEPS, 100);

/** Runs advanced per transaction: large enough to amortise round trips, small enough for short locks. */
export const RUNS_PER_TRANSACTION = parseLimit("RUNS_PER_TRANSACTION", process.env.RUNS_PER_TRANSACTION, 200);

export function parseLimit(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const parsed = z.coerce.number().int().min(1).max(100_000).safeParse(raw.trim());
  if (!parsed.success) throw new Error(`${name} must be a whole number from 1 to 100000 (got "${raw}")`);
  return parsed.data;
}
