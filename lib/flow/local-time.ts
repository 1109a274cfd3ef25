export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

export type LocalTimeSpec = { time: string; weekdays?: Weekday[]; timezone: string };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Today plus seven more local days always contains the next matching weekday after today's. */
const SEARCH_DAYS = 8;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether this runtime's Intl knows the IANA zone (the editor and the server may differ slightly). */
export function isTimeZone(name: string): boolean {
  // Newer engines also take offsets such as "+01:00"; they are not zone names, and a browser
  // without that support would disagree with the server about what publish accepts.
  return !/^[+\-\u2212]/.test(name) && formatterFor(name) !== null;
}

/**
 * The first instant strictly after `now` at which the wall clock in `timeZone` reads `time` on one
 * of `days` (every day when none are given). The weekday is the local one in the zone.
 *
 * Daylight saving: a wall time that does not exist that day (spring-forward gap, 02:30 in
 * Europe/Rome on 2026-03-29) is moved forward by the length of the gap (03:30 local, 01:30Z), so a
 * delay still fires that morning rather than skipping a day. A wall time that happens twice
 * (fall-back, 02:30 in Europe/Rome on 2026-10-25) is its first occurrence, so it fires once, early.
 */
export function nextLocalTime(now: Date, spec: LocalTimeSpec): Date {
  const match = TIME_PATTERN.exec(spec.time);
  if (!match) throw new Error(`Invalid time "${spec.time}": expected HH:MM, 24-hour`);
  if (!isTimeZone(spec.timezone)) throw new Error(`Unknown time zone "${spec.timezone}"`);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new Error("Invalid current date");
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const allowed = spec.weekdays?.length ? new Set<Weekday>(spec.weekdays) : null;

  // Local midnight of today's date, written as if it were UTC: day arithmetic on it is exact.
  const today = wallClock(nowMs, spec.timezone);
  const todayMidnight = today - (((today % DAY) + DAY) % DAY);
  for (let day = 0; day < SEARCH_DAYS; day++) {
    const midnight = todayMidnight + day * DAY;
    if (allowed && !allowed.has(weekdayOf(midnight))) continue;
    const instant = instantOf(midnight + minutes * MINUTE, spec.timezone);
    if (instant > nowMs) return new Date(instant);
  }
  // Only reachable when `weekdays` holds no real weekday (unvalidated JSON).
  throw new Error(`No matching weekday in ${JSON.stringify(spec.weekdays)}`);
}

/** "every day", "Mon–Fri", "Sat, Sun", "Mon–Wed, Fri": runs of three or more days collapse. */
export function formatWeekdays(days: Weekday[] | undefined): string {
  const chosen = weekdays.filter((d) => days?.includes(d));
  if (chosen.length === 0 || chosen.length === weekdays.length) return "every day";
  // Runs do not wrap from Sunday to Monday: the week reads Monday first, like the picker.
  const runs: { first: Weekday; last: Weekday; days: Weekday[] }[] = [];
  for (const day of chosen) {
    const run = runs.at(-1);
    if (run && weekdays.indexOf(day) === weekdays.indexOf(run.last) + 1) {
      run.last = day;
      run.days.push(day);
    } else runs.push({ first: day, last: day, days: [day] });
  }
  return runs
    .flatMap((r) =>
      r.days.length >= 3 ? [`${labels[r.first]}–${labels[r.last]}`] : r.days.map((d) => labels[d]),
    )
    .join(", ");
}

const labels: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

/** Weekday of a wall-clock timestamp (local time written as if UTC). */
function weekdayOf(wallMs: number): Weekday {
  // getUTCDay counts from Sunday; the list counts from Monday.
  return weekdays[(new Date(wallMs).getUTCDay() + 6) % 7]!;
}

/**
 * The instant at which the zone's clock reads `wall`. Zones move their offset, so instead of
 * assuming one, guess offsets from Intl and keep a guess only if the clock at `wall - offset`
 * really reads `wall`. Larger offsets mean earlier instants, so trying them first picks the first
 * occurrence of a repeated time. A day either side of `wall` sees the offsets before and after any
 * transition near it (zones do not change twice in two days).
 */
function instantOf(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const guesses = new Set([before, offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  for (const offset of [...guesses].sort((a, b) => b - a)) {
    const instant = wall - offset;
    // Re-guess: the offset in force at the candidate instant must be the one assumed.
    if (offsetAt(instant, timeZone) === offset) return instant;
  }
  // A gap: no instant reads `wall`. The offset from before the gap lands as far past the gap's
  // end as `wall` was past its start (02:30 in a 02:00–03:00 gap becomes 03:30).
  return wall - before;
}

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** The zone's wall clock at `instant`, written as a UTC timestamp (seconds precision). */
function wallClock(instant: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new Error(`Unknown time zone "${timeZone}"`);
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter.formatToParts(instant)) {
    if (p.type !== "literal") part[p.type] = Number(p.value);
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(part.year ?? 1970, (part.month ?? 1) - 1, part.day ?? 1);
  date.setUTCHours(part.hour ?? 0, part.minute ?? 0, part.second ?? 0, 0);
  return date.getTime();
}

// Building a DateTimeFormat is far slower than using one; the zone list is finite (a few hundred),
// so caching only valid zones keeps this map bounded.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  if (!timeZone) return null;
  try {
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return null;
  }
}
