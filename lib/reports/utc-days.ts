import { addDays, type Period } from "./report-period.ts";

/** Every day of the period, `YYYY-MM-DD` in UTC, in order. */
export function utcDays({ from, to }: Period): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * One row per day of the period, days without data included with `empty()`'s zeros: a chart of
 * a quiet week shows the quiet days instead of skipping them. Rows outside the period are dropped.
 */
export function fillDays<R extends { day: string }>(period: Period, rows: Iterable<R>, empty: (day: string) => R): R[] {
  const byDay = new Map<string, R>();
  for (const row of rows) byDay.set(row.day, row);
  return utcDays(period).map((day) => byDay.get(day) ?? empty(day));
}
