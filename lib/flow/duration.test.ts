import { describe, expect, it } from "vitest";
import {
  boundedDurationSchema,
  durationSchema,
  formatDuration,
  MAX_WAIT_SECONDS,
  MIN_WAIT_SECONDS,
  toSeconds,
  type Duration,
} from "./duration.ts";

describe("toSeconds", () => {
  it.each<[Duration, number]>([
    [{ amount: 7, unit: "seconds" }, 7],
    [{ amount: 10, unit: "minutes" }, 600],
    [{ amount: 24, unit: "hours" }, 86_400],
    [{ amount: 2, unit: "days" }, 172_800],
  ])("%j is %i seconds", (duration, seconds) => {
    expect(toSeconds(duration)).toBe(seconds);
  });
});

describe("formatDuration", () => {
  it.each<[Duration, string]>([
    [{ amount: 1, unit: "seconds" }, "1 second"],
    [{ amount: 1, unit: "minutes" }, "1 minute"],
    [{ amount: 1, unit: "hours" }, "1 hour"],
    [{ amount: 1, unit: "days" }, "1 day"],
    [{ amount: 2, unit: "seconds" }, "2 seconds"],
    [{ amount: 10, unit: "minutes" }, "10 minutes"],
    [{ amount: 24, unit: "hours" }, "24 hours"],
    [{ amount: 30, unit: "days" }, "30 days"],
  ])("%j reads %s", (duration, text) => {
    expect(formatDuration(duration)).toBe(text);
  });
});

describe("bounds", () => {
  it("are 5 seconds and 30 days", () => {
    expect(MIN_WAIT_SECONDS).toBe(5);
    expect(MAX_WAIT_SECONDS).toBe(30 * 24 * 3600);
  });

  it.each<Duration>([
    { amount: 5, unit: "seconds" },
    { amount: 30, unit: "days" },
    { amount: 720, unit: "hours" },
    { amount: 43_200, unit: "minutes" },
    { amount: 1, unit: "minutes" },
  ])("accept %j", (duration) => {
    expect(boundedDurationSchema.safeParse(duration).success).toBe(true);
  });

  it.each<Duration>([
    { amount: 4, unit: "seconds" },
    { amount: 31, unit: "days" },
    { amount: 721, unit: "hours" },
    { amount: 43_201, unit: "minutes" },
  ])("reject %j", (duration) => {
    const result = boundedDurationSchema.safeParse(duration);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Must be between 5 seconds and 30 days");
  });
});

describe("durationSchema", () => {
  it.each([
    [{ amount: 0, unit: "hours" }, "Must be at least 1"],
    [{ amount: -3, unit: "hours" }, "Must be at least 1"],
    [{ amount: 1.5, unit: "hours" }, "Use a whole number"],
  ])("rejects %j: %s", (duration, message) => {
    expect(durationSchema.safeParse(duration).error?.issues[0]?.message).toBe(message);
  });

  it.each([{ amount: 1, unit: "weeks" }, { amount: "1", unit: "hours" }, { unit: "hours" }])("rejects %j", (duration) => {
    expect(durationSchema.safeParse(duration).success).toBe(false);
  });
});
