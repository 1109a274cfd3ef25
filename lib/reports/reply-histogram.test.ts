import { describe, expect, it } from "vitest";
import { REPLY_BUCKETS } from "../stats/counter-keys.ts";
import { bucketLabel, formatBound, replyHistogram } from "./reply-histogram.ts";

describe("bucket labels", () => {
  it("names each bound in the largest unit that divides it", () => {
    expect(REPLY_BUCKETS.map(bucketLabel)).toEqual([
      "≤ 10 s", "≤ 30 s", "≤ 1 min", "≤ 2 min", "≤ 5 min", "≤ 10 min", "≤ 30 min",
      "≤ 1 h", "≤ 2 h", "≤ 6 h", "≤ 12 h", "≤ 1 day", "≤ 2 days", "≤ 7 days", "≤ 30 days",
    ]);
    expect(bucketLabel(Infinity)).toBe("> 30 days");
    expect(formatBound(90)).toBe("90 s");
  });
});

describe("replyHistogram", () => {
  it("lists the buckets in order up to the one holding the timeout, zeros included", () => {
    const histogram = replyHistogram(new Map([[60, 3], [10, 1]]), 600);
    expect(histogram.map((b) => [b.label, b.count])).toEqual([
      ["≤ 10 s", 1], ["≤ 30 s", 0], ["≤ 1 min", 3], ["≤ 2 min", 0], ["≤ 5 min", 0], ["≤ 10 min", 0],
    ]);
    expect(histogram[2]).toEqual({ label: "≤ 1 min", upperBoundSeconds: 60, count: 3 });
  });

  it("goes on to the last bucket with replies, and ends open when the timeout is unknown", () => {
    expect(replyHistogram(new Map([[3600, 2]]), 60).at(-1)).toEqual({ label: "≤ 1 h", upperBoundSeconds: 3600, count: 2 });
    expect(replyHistogram(new Map(), 45).at(-1)?.label).toBe("≤ 1 min");
    const open = replyHistogram(new Map([[Infinity, 1]]), null);
    expect(open).toHaveLength(REPLY_BUCKETS.length + 1);
    expect(open.at(-1)).toEqual({ label: "> 30 days", upperBoundSeconds: null, count: 1 });
  });
});
