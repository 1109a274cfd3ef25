import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("delay");

const until = (time: string, timezone = "Europe/Rome", weekdays?: unknown) => ({ until: { time, timezone, ...(weekdays === undefined ? {} : { weekdays }) } });
const duration = (amount: number, unit: string) => ({ duration: { amount, unit } });

describe("delay config: exactly one of duration or until", () => {
  it("refuses neither", () => {
    expect(issuesOf({})).toEqual([{ path: "", message: "Wait either for a duration or until a time of day, not both" }]);
  });

  it("refuses both", () => {
    expect(issuesOf({ ...duration(1, "hours"), ...until("09:00") })).toEqual([
      { path: "", message: "Wait either for a duration or until a time of day, not both" },
    ]);
  });

  it("accepts either alone, as given", () => {
    expect(parsedData(duration(2, "hours"))).toEqual(duration(2, "hours"));
    expect(parsedData(until("09:00", "Europe/Rome", ["mon", "fri"]))).toEqual(until("09:00", "Europe/Rome", ["mon", "fri"]));
  });
});

describe("delay config: duration", () => {
  it.each([
    [5, "seconds"],
    [1, "minutes"],
    [90, "days"],
    [2160, "hours"],
    [7_776_000, "seconds"],
  ])("accepts %s %s", (amount, unit) => {
    expect(issuesOf(duration(amount, unit))).toEqual([]);
  });

  it.each([
    [4, "seconds"],
    [91, "days"],
    [2161, "hours"],
    [7_776_001, "seconds"],
  ])("refuses %s %s", (amount, unit) => {
    expect(issuesOf(duration(amount, unit))).toEqual([{ path: "duration", message: "Must be between 5 seconds and 90 days" }]);
  });

  it("refuses a zero, fractional or unknown-unit duration, at its part", () => {
    expect(issuesOf(duration(0, "hours"))).toContainEqual({ path: "duration.amount", message: "Must be at least 1" });
    expect(issuesOf(duration(1.5, "hours"))).toContainEqual({ path: "duration.amount", message: "Use a whole number" });
    expect(issuesOf(duration(1, "weeks")).map((i) => i.path)).toEqual(["duration.unit"]);
  });
});

describe("delay config: until", () => {
  it.each(["00:00", "09:00", "12:30", "23:59"])("accepts the 24-hour time %j", (time) => {
    expect(issuesOf(until(time))).toEqual([]);
  });

  it.each(["24:00", "9:00", "09:60", "09:00:00", "9am", "0900", ""])("refuses the time %j", (time) => {
    expect(issuesOf(until(time))).toEqual([{ path: "until.time", message: "Use a 24-hour time such as 09:00" }]);
  });

  it("accepts distinct weekdays", () => {
    expect(issuesOf(until("09:00", "Europe/Rome", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))).toEqual([]);
  });

  it("refuses a weekday listed twice", () => {
    expect(issuesOf(until("09:00", "Europe/Rome", ["mon", "fri", "mon"]))).toEqual([{ path: "until.weekdays", message: "A weekday is listed twice" }]);
  });

  it.each(["monday", "Mon", "sab"])("refuses the weekday %j, at its index", (day) => {
    expect(issuesOf(until("09:00", "Europe/Rome", ["tue", day])).map((i) => i.path)).toEqual(["until.weekdays.1"]);
  });

  it.each(["Europe/Rome", "America/New_York", "Asia/Kolkata", "UTC"])("accepts the time zone %j", (timezone) => {
    expect(issuesOf(until("09:00", timezone))).toEqual([]);
  });

  it.each(["Mars/Base", "Europe/Atlantis", "+01:00", ""])("refuses the time zone %j", (timezone) => {
    expect(issuesOf(until("09:00", timezone))).toEqual([
      { path: "until.timezone", message: "Unknown time zone: use an IANA name such as Europe/Rome" },
    ]);
  });
});

describe("delay at publish", () => {
  it("names the node, a path and the label in every issue", () => {
    expect(publishIssues(until("24:00", "Mars/Base"))).toEqual([
      { nodeId: "n", path: "until.time", message: "Delay: Use a 24-hour time such as 09:00" },
      { nodeId: "n", path: "until.timezone", message: "Delay: Unknown time zone: use an IANA name such as Europe/Rome" },
    ]);
    // The one-of rule is about the whole node: its path is the node's root.
    expect(publishIssues({})).toEqual([{ nodeId: "n", path: "", message: "Delay: Wait either for a duration or until a time of day, not both" }]);
  });

  it("publishes a valid delay", () => {
    expect(publishIssues(until("09:00", "Europe/Rome", ["mon"]))).toEqual([]);
  });
});
