import { distribution, log, type BenchContext, type Metric } from "./helpers.ts";
import { allCompleted, pickWaitingRuns, replyLatencies, sendPacedReplies } from "./replies.ts";

export const REPLY_GOAL = "p99 ≤ 100 ms";

/** How many replies, how fast, and a tag that keeps their provider message ids unique. */
export type ReplyPlan = { total: number; perSecond: number; tag: string };

/**
 * (c1) Replies to random waiting runs of `automationId` (default 300 at 50/s):
 * inbound Message.at → the run's next outbound Message.at (database clock), p50/p99/max.
 */
export async function benchReplyLatency(context: BenchContext, scenario: string, automationId: string, { total, perSecond, tag }: ReplyPlan): Promise<Metric[]> {
  const targets = await pickWaitingRuns(context, automationId, total);
  log(`${scenario}: sending ${total} replies at ${perSecond}/s`);
  await sendPacedReplies(targets, perSecond, tag);
  const runIds = targets.map((t) => t.runId);
  await allCompleted(context, runIds, scenario);
  const latency = (await replyLatencies(context, runIds)).map((r) => r.ms);
  return [
    { scenario, metric: "replies sent (paced)", value: total, unit: `at ${perSecond}/s` },
    ...distribution(scenario, "inbound → next outbound", latency, (stat) => ({
      yardstick: { kind: "latency", stat },
      ...(stat === "p99" ? { goal: REPLY_GOAL } : {}),
    })),
  ];
}
