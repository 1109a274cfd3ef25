import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { emptyDay } from "./outcomes-by-day.ts";
import { reportQuery, resolvePeriod } from "./report-period.ts";
import { fillDays, utcDays } from "./utc-days.ts";

describe("utcDays / fillDays", () => {
  it("lists every day of the period across month, year and leap-day boundaries", () => {
    expect(utcDays({ from: "2027-12-30", to: "2028-01-02" })).toEqual(["2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02"]);
    expect(utcDays({ from: "2028-02-28", to: "2028-03-01" })).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    // Daylight-saving changes (Europe, 2026-03-29) do not touch UTC days.
    expect(utcDays({ from: "2026-03-28", to: "2026-03-30" })).toHaveLength(3);
    expect(utcDays({ from: "2026-01-01", to: "2026-01-01" })).toEqual(["2026-01-01"]);
  });

  it("keeps quiet days with zeros and drops rows outside the period", () => {
    const rows = [
      { ...emptyDay("2026-01-02"), started: 4 },
      { ...emptyDay("2025-12-31"), started: 9 },
    ];
    const filled = fillDays({ from: "2026-01-01", to: "2026-01-03" }, rows, emptyDay);
    expect(filled.map((d) => [d.day, d.started])).toEqual([["2026-01-01", 0], ["2026-01-02", 4], ["2026-01-03", 0]]);
    expect(filled[0]).toEqual({ day: "2026-01-01", started: 0, completed: 0, failed: 0, cancelled: 0, replied: 0, noResponse: 0 });
  });
});

describe("the report period", () => {
  const today = "2026-03-15";
  it("defaults to the last 30 days ending today, or 30 days ending at `to`", () => {
    expect(resolvePeriod({}, today)).toEqual({ from: "2026-02-14", to: "2026-03-15" });
    expect(resolvePeriod({ to: "2026-01-31" }, today)).toEqual({ from: "2026-01-02", to: "2026-01-31" });
    expect(resolvePeriod({ from: "2026-03-01" }, today)).toEqual({ from: "2026-03-01", to: "2026-03-15" });
  });

  it("allows up to 366 days and refuses more, or an end before the start, as a 400 naming `from`", () => {
    expect(resolvePeriod({ from: "2025-03-15", to: "2026-03-15" }, today)).toEqual({ from: "2025-03-15", to: "2026-03-15" });
    for (const query of [{ from: "2025-03-14", to: "2026-03-15" }, { from: "2026-03-16", to: "2026-03-15" }, { from: "2020-01-01" }]) {
      let error: unknown;
      try {
        resolvePeriod(query, today);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "bad_request", status: 400, issues: [expect.objectContaining({ path: "from" })] });
    }
  });

  it("parses the query: dates as YYYY-MM-DD, the version as a positive whole number", () => {
    expect(reportQuery.parse({ version: "3", from: "2026-01-01" })).toEqual({ version: 3, from: "2026-01-01" });
    for (const bad of [{ from: "2026-1-1" }, { to: "yesterday" }, { from: "2026-02-30" }, { version: "0" }, { version: "1.5" }, { version: "x" }]) {
      expect(reportQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
