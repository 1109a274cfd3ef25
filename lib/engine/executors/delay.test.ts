import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { delayConfig } from "../../flow/nodes/delay.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { nextLocalTime, type LocalTimeSpec } from "../../flow/local-time.ts";
import { executeDelay } from "./delay.ts";

/** A published Delay step: its data parsed as publish would. */
const delayNode = (data: z.input<typeof delayConfig>): PublishedNodeOf<"delay"> => ({
  id: "n",
  type: "delay",
  position: { x: 0, y: 0 },
  data: delayConfig.parse(data),
});

/** The instant the delay waits until (failing the test on any other decision). */
const untilOf = (data: z.input<typeof delayConfig>, now: Date): Date => {
  const decision = executeDelay(delayNode(data), contextWith({ now }));
  if (decision.kind !== "delay") throw new Error(`expected delay, got ${JSON.stringify(decision)}`);
  return decision.until;
};
const weekdaysMonFri = ["mon", "tue", "wed", "thu", "fri"] as const;

describe("executeDelay: duration", () => {
  it.each([
    [{ amount: 5, unit: "seconds" }, 5],
    [{ amount: 90, unit: "minutes" }, 5400],
    [{ amount: 2, unit: "hours" }, 7200],
    [{ amount: 90, unit: "days" }, 7_776_000],
  ] as const)("adds exactly the seconds of %j to now", (duration, seconds) => {
    const now = new Date("2026-03-20T10:00:00.123Z");
    expect(untilOf({ duration }, now).getTime() - now.getTime()).toBe(seconds * 1000);
  });

  it("adds 24 real hours for a day, even across the spring-forward change", () => {
    // Europe/Rome skips 02:00-03:00 on 2026-03-29; a duration is elapsed time, not wall time.
    expect(untilOf({ duration: { amount: 1, unit: "days" } }, new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T12:00:00.000Z");
  });

  it("is a delay decision with a detail", () => {
    expect(executeDelay(delayNode({ duration: { amount: 1, unit: "hours" } }), contextWith())).toEqual({
      kind: "delay",
      until: new Date("2026-03-20T11:00:00Z"),
      detail: expect.stringContaining("1 hour"),
    });
  });
});

describe("executeDelay: until a local time", () => {
  const rome = (weekdays?: readonly (typeof weekdaysMonFri)[number][]) => ({
    until: { time: "09:00", timezone: "Europe/Rome", ...(weekdays ? { weekdays: [...weekdays] } : {}) },
  });

  it("from a Friday 10:00 in Rome, 09:00 Mon-Fri is Monday 09:00 (after the clocks moved)", () => {
    // Fri 2026-03-27 10:00 CET = 09:00Z; Mon 2026-03-30 09:00 CEST = 07:00Z.
    expect(untilOf(rome(weekdaysMonFri), new Date("2026-03-27T09:00:00Z")).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("from a Friday 08:00 in Rome, 09:00 Mon-Fri is that same morning", () => {
    expect(untilOf(rome(weekdaysMonFri), new Date("2026-03-27T07:00:00Z")).toISOString()).toBe("2026-03-27T08:00:00.000Z");
  });

  it("exactly at the time, it is the next matching day (strictly after now)", () => {
    expect(untilOf(rome(), new Date("2026-03-26T08:00:00Z")).toISOString()).toBe("2026-03-27T08:00:00.000Z");
  });

  it("every day across the spring-forward change: Sunday 09:00 CEST, 22 real hours after Saturday 10:00 CET", () => {
    const now = new Date("2026-03-28T09:00:00Z");
    const until = untilOf(rome(), now);
    expect(until.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(until.getTime() - now.getTime()).toBe(22 * 3600 * 1000);
  });

  it("a time inside the spring-forward gap moves forward by the gap (02:30 → 03:30 CEST)", () => {
    expect(untilOf({ until: { time: "02:30", timezone: "Europe/Rome" } }, new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reads the weekday in the zone, not in UTC", () => {
    // 23:30Z on Friday is already Saturday in Tokyo: the next Saturday 09:00 there is that morning.
    expect(untilOf({ until: { time: "09:00", weekdays: ["sat"], timezone: "Asia/Tokyo" } }, new Date("2026-03-27T23:30:00Z")).toISOString()).toBe("2026-03-28T00:00:00.000Z");
  });

  it.each<[string, LocalTimeSpec]>([
    ["2026-03-27T09:00:00Z", { time: "09:00", weekdays: ["mon", "wed"], timezone: "America/New_York" }],
    ["2026-10-24T22:00:00Z", { time: "02:30", timezone: "Europe/Rome" }],
    ["2026-12-31T23:59:59Z", { time: "00:00", weekdays: ["fri"], timezone: "UTC" }],
  ])("agrees with nextLocalTime from %s for %j", (now, spec) => {
    const at = new Date(now);
    expect(untilOf({ until: spec }, at)).toEqual(nextLocalTime(at, spec));
  });
});

describe("executeDelay: hand-made data", () => {
  it("fails a delay with neither a duration nor a time", () => {
    // Publish refuses this; data from before that rule could still reach the engine.
    const node: PublishedNodeOf<"delay"> = { ...delayNode({ duration: { amount: 1, unit: "hours" } }), data: {} };
    expect(executeDelay(node, contextWith())).toEqual({ kind: "fail", reason: expect.stringContaining("neither a duration nor a time") });
  });
});
