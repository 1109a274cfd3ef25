import { describe, expect, it } from "vitest";
import { formatWeekdays, isTimeZone, nextLocalTime, weekdays, type Weekday } from "./local-time.ts";

const next = (now: string, time: string, timezone: string, days?: Weekday[]): string =>
  nextLocalTime(new Date(now), { time, timezone, weekdays: days }).toISOString();

/** The wall clock in `timeZone` at `instant`, as "ddd HH:MM", independent of the code under test. */
function localClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday").toLowerCase()} ${part("hour")}:${part("minute")}`;
}

describe("nextLocalTime: ordinary days", () => {
  it("finds today's time in Rome in winter (UTC+1) and summer (UTC+2)", () => {
    expect(next("2026-01-15T07:00:00Z", "09:00", "Europe/Rome")).toBe("2026-01-15T08:00:00.000Z");
    expect(next("2026-07-15T05:00:00Z", "09:00", "Europe/Rome")).toBe("2026-07-15T07:00:00.000Z");
  });

  it("moves to tomorrow once today's time has passed", () => {
    expect(next("2026-01-15T09:00:00Z", "09:00", "Europe/Rome")).toBe("2026-01-16T08:00:00.000Z");
    expect(next("2026-01-15T23:30:00Z", "00:15", "Europe/Rome")).toBe("2026-01-16T23:15:00.000Z");
  });

  it("is strictly after now", () => {
    expect(next("2026-01-15T08:00:00.000Z", "09:00", "Europe/Rome")).toBe("2026-01-16T08:00:00.000Z");
    expect(next("2026-01-15T07:59:59.999Z", "09:00", "Europe/Rome")).toBe("2026-01-15T08:00:00.000Z");
    expect(next("2026-01-15T08:00:00.001Z", "09:00", "Europe/Rome")).toBe("2026-01-16T08:00:00.000Z");
  });

  it("handles midnight and the last minute of the day", () => {
    expect(next("2026-01-15T12:00:00Z", "00:00", "Europe/Rome")).toBe("2026-01-15T23:00:00.000Z");
    expect(next("2026-01-15T12:00:00Z", "23:59", "Europe/Rome")).toBe("2026-01-15T22:59:00.000Z");
  });

  it("crosses month and year ends", () => {
    expect(next("2026-12-31T22:00:00Z", "09:00", "Europe/Rome")).toBe("2027-01-01T08:00:00.000Z");
    expect(next("2028-02-28T12:00:00Z", "09:00", "UTC")).toBe("2028-02-29T09:00:00.000Z");
  });
});

describe("nextLocalTime: weekdays", () => {
  const workdays: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

  it("skips the weekend from a Friday evening to Monday", () => {
    // 2026-01-16 is a Friday; 19:00 in Rome.
    expect(next("2026-01-16T18:00:00Z", "09:00", "Europe/Rome", workdays)).toBe("2026-01-19T08:00:00.000Z");
  });

  it("keeps today when it matches and the time is still ahead", () => {
    expect(next("2026-01-16T07:00:00Z", "09:00", "Europe/Rome", workdays)).toBe("2026-01-16T08:00:00.000Z");
  });

  it("waits for the weekend when only Saturday and Sunday are allowed", () => {
    const weekend: Weekday[] = ["sat", "sun"];
    expect(next("2026-01-14T10:00:00Z", "10:00", "Europe/Rome", weekend)).toBe("2026-01-17T09:00:00.000Z");
    expect(next("2026-01-17T10:00:00Z", "10:00", "Europe/Rome", weekend)).toBe("2026-01-18T09:00:00.000Z");
    expect(next("2026-01-18T10:00:00Z", "10:00", "Europe/Rome", weekend)).toBe("2026-01-24T09:00:00.000Z");
  });

  it("goes a full week ahead when the only day is today and its time has passed", () => {
    // Thursday 2026-01-15, 10:00 in Rome.
    expect(next("2026-01-15T09:00:00Z", "09:00", "Europe/Rome", ["thu"])).toBe("2026-01-22T08:00:00.000Z");
  });

  it("treats an empty list as every day", () => {
    expect(next("2026-01-15T09:00:00Z", "09:00", "Europe/Rome", [])).toBe("2026-01-16T08:00:00.000Z");
  });

  it("uses the local weekday, not the UTC one", () => {
    // 2026-01-15T19:00Z is still Thursday in UTC but already Friday 09:00 in Kiritimati (UTC+14).
    expect(next("2026-01-15T00:00:00Z", "09:00", "Pacific/Kiritimati", ["fri"])).toBe("2026-01-15T19:00:00.000Z");
    // 2026-01-16T20:00Z is Saturday in UTC but Friday 09:00 in Pago Pago (UTC−11).
    expect(next("2026-01-16T12:00:00Z", "09:00", "Pacific/Pago_Pago", ["fri"])).toBe("2026-01-16T20:00:00.000Z");
  });
});

describe("nextLocalTime: daylight saving in Europe/Rome", () => {
  it("moves a time in the spring-forward gap forward by the gap", () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 becomes 03:30 CEST, 01:30Z.
    expect(next("2026-03-28T12:00:00Z", "02:30", "Europe/Rome")).toBe("2026-03-29T01:30:00.000Z");
    expect(next("2026-03-29T01:00:00Z", "02:30", "Europe/Rome")).toBe("2026-03-29T01:30:00.000Z");
    expect(next("2026-03-28T12:00:00Z", "02:00", "Europe/Rome")).toBe("2026-03-29T01:00:00.000Z");
    expect(next("2026-03-28T12:00:00Z", "03:00", "Europe/Rome")).toBe("2026-03-29T01:00:00.000Z");
    expect(next("2026-03-28T12:00:00Z", "01:59", "Europe/Rome")).toBe("2026-03-29T00:59:00.000Z");
  });

  it("uses the new offset for later times that day and the old one the day before", () => {
    expect(next("2026-03-29T00:00:00Z", "09:00", "Europe/Rome")).toBe("2026-03-29T07:00:00.000Z");
    expect(next("2026-03-27T12:00:00Z", "09:00", "Europe/Rome")).toBe("2026-03-28T08:00:00.000Z");
  });

  it("does not fire twice after a shifted gap time", () => {
    expect(next("2026-03-29T01:30:00Z", "02:30", "Europe/Rome")).toBe("2026-03-30T00:30:00.000Z");
  });

  it("takes the first occurrence of a time repeated at fall-back", () => {
    // 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    expect(next("2026-10-24T12:00:00Z", "02:30", "Europe/Rome")).toBe("2026-10-25T00:30:00.000Z");
    expect(next("2026-10-24T12:00:00Z", "02:00", "Europe/Rome")).toBe("2026-10-25T00:00:00.000Z");
    expect(next("2026-10-24T12:00:00Z", "03:00", "Europe/Rome")).toBe("2026-10-25T02:00:00.000Z");
    expect(next("2026-10-25T00:00:00Z", "09:00", "Europe/Rome")).toBe("2026-10-25T08:00:00.000Z");
  });

  it("skips the second occurrence once the first has passed", () => {
    expect(next("2026-10-25T00:30:00Z", "02:30", "Europe/Rome")).toBe("2026-10-26T01:30:00.000Z");
    expect(next("2026-10-25T01:00:00Z", "02:30", "Europe/Rome")).toBe("2026-10-26T01:30:00.000Z");
  });
});

describe("nextLocalTime: other zones", () => {
  it("handles the America/New_York gap on 2026-03-08 and overlap on 2026-11-01", () => {
    expect(next("2026-03-07T12:00:00Z", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(next("2026-03-08T05:00:00Z", "09:00", "America/New_York")).toBe("2026-03-08T13:00:00.000Z");
    expect(next("2026-10-31T12:00:00Z", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(next("2026-11-01T05:30:00Z", "01:30", "America/New_York")).toBe("2026-11-02T06:30:00.000Z");
    expect(next("2026-11-01T05:00:00Z", "09:00", "America/New_York")).toBe("2026-11-01T14:00:00.000Z");
  });

  it("handles a half-hour offset (Asia/Kolkata, UTC+5:30)", () => {
    expect(next("2026-01-15T00:00:00Z", "09:00", "Asia/Kolkata")).toBe("2026-01-15T03:30:00.000Z");
    expect(next("2026-01-15T20:00:00Z", "00:30", "Asia/Kolkata")).toBe("2026-01-16T19:00:00.000Z");
  });

  it("handles southern-hemisphere DST (Australia/Sydney)", () => {
    // Summer, UTC+11: 09:00 local is 22:00Z the day before.
    expect(next("2026-01-15T00:00:00Z", "09:00", "Australia/Sydney")).toBe("2026-01-15T22:00:00.000Z");
    // DST ends 2026-04-05 at 03:00 AEDT → 02:00 AEST: 02:30 first happens at 15:30Z on the 4th.
    expect(next("2026-04-04T00:00:00Z", "02:30", "Australia/Sydney")).toBe("2026-04-04T15:30:00.000Z");
    expect(next("2026-04-04T00:00:00Z", "09:00", "Australia/Sydney")).toBe("2026-04-04T23:00:00.000Z");
    // DST starts 2026-10-04 at 02:00 AEST → 03:00 AEDT: 02:30 becomes 03:30 AEDT.
    expect(next("2026-10-03T00:00:00Z", "02:30", "Australia/Sydney")).toBe("2026-10-03T16:30:00.000Z");
  });

  it("handles UTC and a +14 zone", () => {
    expect(next("2026-01-15T10:00:00Z", "09:00", "UTC")).toBe("2026-01-16T09:00:00.000Z");
    expect(next("2026-01-15T08:00:00Z", "09:00", "UTC")).toBe("2026-01-15T09:00:00.000Z");
    // 00:00Z is 14:00 local in Kiritimati; the next 09:00 is tomorrow local, 19:00Z today.
    expect(next("2026-01-15T00:00:00Z", "09:00", "Pacific/Kiritimati")).toBe("2026-01-15T19:00:00.000Z");
  });

  it("survives a zone skipping a whole day (Pacific/Apia, 2011-12-30)", () => {
    const now = new Date("2011-12-29T12:00:00Z");
    const at = nextLocalTime(now, { time: "09:00", timezone: "Pacific/Apia" });
    expect(at.getTime()).toBeGreaterThan(now.getTime());
    expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(2 * 86_400_000);
  });
});

describe("nextLocalTime: every zone, many instants", () => {
  // Deterministic pseudo-random sampling (LCG) so a failure reproduces.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const zones = Intl.supportedValuesOf("timeZone");

  it("always lands after now, within 8 days, on an allowed local weekday and time", () => {
    const started = performance.now();
    for (const timezone of zones) {
      for (let i = 0; i < 4; i++) {
        const now = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000));
        const time = `${String(Math.floor(random() * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
        const days = weekdays.filter(() => random() < 0.4);
        const at = nextLocalTime(now, { time, timezone, weekdays: days });
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(8 * 86_400_000);
        const [day, clock] = localClock(at, timezone).split(" ");
        // Away from a gap the clock reads exactly `time`; inside one it reads later by the gap (two hours at most, Antarctica/Troll).
        const drift = (toMinutes(clock ?? "") - toMinutes(time) + 1440) % 1440;
        expect(drift, `${timezone} ${now.toISOString()} ${time}`).toBeLessThanOrEqual(120);
        if (drift === 0 && days.length > 0) expect(days).toContain(day);
      }
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe("nextLocalTime: invalid input", () => {
  const now = new Date("2026-01-15T07:00:00Z");

  it.each(["9:00", "24:00", "12:60", "", "ab:cd", " 09:00", "09:00:00", "0900", "-1:00"])(
    "rejects the time %j",
    (time) => {
      expect(() => nextLocalTime(now, { time, timezone: "Europe/Rome" })).toThrow(/Invalid time/);
    },
  );

  it.each(["Mars/Base", "", "Europe/Atlantis", "not a zone"])("rejects the zone %j", (timezone) => {
    expect(() => nextLocalTime(now, { time: "09:00", timezone })).toThrow(/Unknown time zone/);
  });

  it("rejects an invalid current date", () => {
    expect(() => nextLocalTime(new Date("nope"), { time: "09:00", timezone: "UTC" })).toThrow(/Invalid current date/);
  });
});

describe("isTimeZone", () => {
  it.each(["Europe/Rome", "America/New_York", "Asia/Kolkata", "UTC", "Pacific/Kiritimati"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(["Mars/Base", "", "Europe/", "Rome", "+01:00", "-05:00"])("refuses %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe("formatWeekdays", () => {
  it.each<[Weekday[] | undefined, string]>([
    [undefined, "every day"],
    [[], "every day"],
    [[...weekdays], "every day"],
    [["mon", "tue", "wed", "thu", "fri"], "Mon–Fri"],
    [["sat", "sun"], "Sat, Sun"],
    [["mon", "wed", "fri"], "Mon, Wed, Fri"],
    [["mon", "tue", "wed", "fri"], "Mon–Wed, Fri"],
    [["fri", "wed", "mon", "tue", "mon"], "Mon–Wed, Fri"],
    [["mon", "tue"], "Mon, Tue"],
    [["thu", "fri", "sat", "sun"], "Thu–Sun"],
    [["mon", "tue", "wed", "thu", "fri", "sat"], "Mon–Sat"],
    [["sun", "mon"], "Mon, Sun"],
    [["wed"], "Wed"],
  ])("formats %j as %j", (days, text) => {
    expect(formatWeekdays(days)).toBe(text);
  });
});
