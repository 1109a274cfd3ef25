import { z } from "zod";
import { AppError } from "../errors.ts";

/** The longest period a report covers, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;
/** The period without `from`: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

const day = z.iso.date({ message: "Use a date like 2026-01-31" });

/** `?version&from&to` of the report routes: the period is calendar days in UTC, both ends included. */
export const reportQuery = z.object({
  version: z.coerce.number().int().positive().optional().meta({ description: "Published version number; the latest when left out" }),
  from: day.optional().meta({ description: `First day (UTC), included; \`to\` minus ${DEFAULT_PERIOD_DAYS - 1} days when left out` }),
  to: day.optional().meta({ description: "Last day (UTC), included; today when left out" }),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export type Period = { from: string; to: string };

const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` day. */
export const dayStart = (value: string) => new Date(`${value}T00:00:00.000Z`);
export const addDays = (value: string, days: number) => new Date(dayStart(value).getTime() + days * DAY_MS).toISOString().slice(0, 10);
/** Days from `from` to `to`, both included. */
export const periodDays = ({ from, to }: Period) => Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS) + 1;

/**
 * The period a query asks for, given today's date (UTC, from the database clock): `to` defaults to
 * today, `from` to 30 days ending at `to`. A period that ends before it starts, or spans more than
 * 366 days, is a 400 naming the parameter at fault.
 */
export function resolvePeriod(query: Pick<ReportQuery, "from" | "to">, today: string): Period {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw new AppError("bad_request", "The period ends before it starts", [{ path: "from", message: `from (${from}) is after to (${to})` }]);
  const days = periodDays({ from, to });
  if (days > MAX_PERIOD_DAYS) {
    throw new AppError("bad_request", `The period is longer than ${MAX_PERIOD_DAYS} days`, [{ path: "from", message: `${days} days from ${from} to ${to}; at most ${MAX_PERIOD_DAYS}` }]);
  }
  return { from, to };
}
