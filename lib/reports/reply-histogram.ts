import { REPLY_BUCKETS } from "../stats/counter-keys.ts";

export type HistogramBucket = {
  /** "≤ 1 min", or "> 30 days" for the open last bucket. */
  label: string;
  /** The bucket's upper bound in seconds; null for the open last bucket. */
  upperBoundSeconds: number | null;
  count: number;
};

const units: [seconds: number, one: string, many: string][] = [
  [86_400, "day", "days"],
  [3_600, "h", "h"],
  [60, "min", "min"],
  [1, "s", "s"],
];

/** 10 → "10 s", 60 → "1 min", 7200 → "2 h", 172800 → "2 days": the largest unit that divides it. */
export function formatBound(seconds: number): string {
  const [size, one, many] = units.find(([size]) => seconds % size === 0 && seconds >= size) ?? units.at(-1)!;
  const amount = seconds / size;
  return `${amount} ${amount === 1 ? one : many}`;
}

export const bucketLabel = (bound: number) => (Number.isFinite(bound) ? `≤ ${formatBound(bound)}` : `> ${formatBound(REPLY_BUCKETS.at(-1)!)}`);

/**
 * The time-to-reply histogram of one Customer Response, every bucket in order up to the one that
 * holds its timeout (no reply can take longer) or the last one with replies, whichever is later.
 */
export function replyHistogram(counts: Map<number, number>, timeoutSeconds: number | null): HistogramBucket[] {
  const bounds = [...REPLY_BUCKETS, Infinity];
  const lastFilled = bounds.findLastIndex((b) => (counts.get(b) ?? 0) > 0);
  const timeoutIndex = timeoutSeconds === null ? bounds.length - 1 : bounds.findIndex((b) => timeoutSeconds <= b);
  const last = Math.max(lastFilled, timeoutIndex);
  return bounds.slice(0, last + 1).map((bound) => ({
    label: bucketLabel(bound),
    upperBoundSeconds: Number.isFinite(bound) ? bound : null,
    count: counts.get(bound) ?? 0,
  }));
}
