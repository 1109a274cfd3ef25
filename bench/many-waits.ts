import { count, log, publishReplyOrRemind, thousands, type BenchContext, type Metric } from "./helpers.ts";
import { benchReplyLatency } from "./reply-latency.ts";
import { seedPendingWaits } from "./seed-waits.ts";
import type { Sizes } from "./sizes.ts";
import { benchTimeouts } from "./timeouts.ts";

const SCENARIO = "d. many pending waits";
const RATIO_GOAL = "≤ 1.5×";

/** The few-waits figures (c1) and (b2) that (d) is compared with. */
export type FewWaitsBaseline = { replies: Metric[]; timeouts: Metric[] };

/**
 * (d) Seeds `sizes.pendingWaits` pending waits (full: 1,000,000) on a reply-or-remind automation
 * with a 10-day timeout, then measures (c1) reply → next message and (b2) timeout lateness again,
 * on seeded runs, and compares each p99 with the few-waits figure of the same run.
 */
export async function benchManyWaits(context: BenchContext, sizes: Sizes, baseline: FewWaitsBaseline): Promise<Metric[]> {
  const automationId = await publishReplyOrRemind("bench many waits", { amount: 10, unit: "days" });
  log(`${SCENARIO}: seeding ${thousands(sizes.pendingWaits)} pending waits`);
  const { seedMs, vacuumMs } = await seedPendingWaits(context, automationId, sizes.pendingWaits, "d");
  const pending = await count(context.pool, `SELECT count(*) AS n FROM "Wait" WHERE status = 'pending'`);
  const label = `${thousands(pending / 1000)}k pending`;
  const replies = await benchReplyLatency(context, `d. c1 reply → next message (${label})`, automationId, {
    total: sizes.replies, perSecond: sizes.replyRate, tag: "d-c1",
  });
  const timeouts = await benchTimeouts(context, `d. b2 timeouts due over 10 s (${label})`, automationId, sizes.timeouts);
  return [
    { scenario: SCENARIO, metric: "seeded runs with pending waits and timer jobs", value: sizes.pendingWaits, unit: "runs" },
    { scenario: SCENARIO, metric: "seeding (set-based SQL + pg-boss insert)", value: seedMs, unit: "ms" },
    { scenario: SCENARIO, metric: "seeding rate", value: (sizes.pendingWaits / seedMs) * 1000, unit: "runs/s", yardstick: { kind: "rate" } },
    { scenario: SCENARIO, metric: "VACUUM ANALYZE", value: vacuumMs, unit: "ms" },
    { scenario: SCENARIO, metric: "pending waits in the database while measuring", value: pending, unit: "waits" },
    ...replies,
    ...timeouts,
    ratio("c1 reply p99: many waits ÷ few waits", replies, baseline.replies),
    ratio("b2 timeout lateness p99: many waits ÷ few waits", timeouts, baseline.timeouts),
  ];
}

function ratio(metric: string, many: Metric[], few: Metric[]): Metric {
  const p99 = (metrics: Metric[]) => metrics.find((m) => m.metric.endsWith(" p99"))?.value ?? Number.NaN;
  return { scenario: SCENARIO, metric, value: p99(many) / p99(few), unit: "×", goal: RATIO_GOAL };
}
