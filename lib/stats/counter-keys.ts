/**
 * The keys of a node's counters in `NodeCount.handle`: how many entered the node, how many left it
 * on each output handle (the handle's own name: `default`, `replied`, `true`, a route id, ...), and
 * for a Customer Response how long its replies took, as a histogram of upper bounds in seconds.
 * Counters are written with the run's change (lib/stats/count-steps.ts) and summed over shards
 * when read, so they survive edits of the draft and never need a scan of the runs.
 */
export const ENTERED = "@entered";

/** Upper bounds (seconds) of the time-to-reply buckets; the last bucket is open-ended. */
export const REPLY_BUCKETS = [10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400, 172800, 604800, 2592000] as const;
const OVERFLOW = Infinity;

const REPLY_PREFIX = "@reply:";

/** The counter key of a reply that took `seconds`. */
export function replyBucketKey(seconds: number): string {
  const bound = REPLY_BUCKETS.find((b) => seconds <= b) ?? OVERFLOW;
  return `${REPLY_PREFIX}${bound === OVERFLOW ? "inf" : bound}`;
}

/** The bucket's upper bound for a counter key, or undefined when the key is not a reply bucket. */
export function replyBucketBound(key: string): number | undefined {
  if (!key.startsWith(REPLY_PREFIX)) return undefined;
  const raw = key.slice(REPLY_PREFIX.length);
  return raw === "inf" ? OVERFLOW : Number(raw);
}

export const isExitHandle = (key: string) => !key.startsWith("@");

/**
 * A quantile (0..1) of the reply histogram (counts by upper bound), interpolated linearly inside
 * its bucket as Prometheus does; null without observations. The open last bucket answers its
 * lower bound.
 */
export function bucketQuantile(buckets: Map<number, number>, q: number): number | null {
  const bounds = [...REPLY_BUCKETS, OVERFLOW];
  const total = bounds.reduce((sum, b) => sum + (buckets.get(b) ?? 0), 0);
  if (total === 0) return null;
  const rank = Math.max(q * total, Number.MIN_VALUE);
  let seen = 0;
  let lower = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound) ?? 0;
    if (count > 0 && seen + count >= rank) return bound === OVERFLOW ? lower : lower + ((bound - lower) * (rank - seen)) / count;
    seen += count;
    if (bound !== OVERFLOW) lower = bound;
  }
  return lower;
}
