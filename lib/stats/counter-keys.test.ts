import { describe, expect, it } from "vitest";
import { bucketQuantile, replyBucketBound, replyBucketKey } from "./counter-keys.ts";

describe("reply buckets", () => {
  it("puts a time in the first bucket whose bound holds it, and reads the bound back", () => {
    expect(replyBucketKey(0)).toBe("@reply:10");
    expect(replyBucketKey(10)).toBe("@reply:10");
    expect(replyBucketKey(10.5)).toBe("@reply:30");
    expect(replyBucketKey(3 * 86400)).toBe("@reply:604800");
    expect(replyBucketKey(90 * 86400)).toBe("@reply:inf");
    expect(replyBucketBound("@reply:30")).toBe(30);
    expect(replyBucketBound("@reply:inf")).toBe(Infinity);
    expect(replyBucketBound("replied")).toBeUndefined();
  });

  it("interpolates quantiles inside a bucket, skipping empty ones", () => {
    expect(bucketQuantile(new Map(), 0.5)).toBeNull();
    // 10 replies in (30, 60]: the median is halfway through it.
    expect(bucketQuantile(new Map([[60, 10]]), 0.5)).toBe(45);
    // 1 in (0, 10], 3 in (60, 120]: p50 = rank 2 → a third into (60, 120].
    expect(bucketQuantile(new Map([[10, 1], [120, 3]]), 0.5)).toBeCloseTo(80);
    expect(bucketQuantile(new Map([[10, 1], [120, 3]]), 0.1)).toBeCloseTo(4);
    // The open bucket answers its lower bound.
    expect(bucketQuantile(new Map([[Infinity, 2]]), 0.9)).toBe(2592000);
  });
});
