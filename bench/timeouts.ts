import { distribution, log, type BenchContext, type Metric } from "./helpers.ts";
import { deadlineWindow, lateness, reschedule, timedOutAndFinished, timerAttemptsPerWait } from "./reschedule.ts";

export const TIMEOUT_GOAL = "p99 ≤ 500 ms";

/**
 * (b2) `total` pending waits of `automationId` (default 2,000) made due over the next 5..15 s,
 * nobody replying: 200 deadlines a second for 10 s. Lateness = RunStep.at of the noResponse
 * step − Wait.timeoutAt (database clock).
 */
export async function benchTimeouts(context: BenchContext, scenario: string, automationId: string, total: number): Promise<Metric[]> {
  log(`${scenario}: making ${total} waits due over 10 s`);
  const moved = await reschedule(context, automationId, total, 5, 10);
  await timedOutAndFinished(context, moved, scenario);
  const late = await lateness(context, moved.waitIds);
  return [
    { scenario, metric: "waits timed out", value: late.length, unit: "waits" },
    { scenario, metric: "deadlines spread over", value: await deadlineWindow(context, moved.waitIds), unit: "ms" },
    ...distribution(scenario, "noResponse step after deadline", late, (stat) => ({
      yardstick: { kind: "timer", stat },
      ...(stat === "p99" ? { goal: TIMEOUT_GOAL } : {}),
    })),
    { scenario, metric: "timer job attempts per wait (>1 = early or failed)", value: await timerAttemptsPerWait(context, moved.waitIds), unit: "attempts" },
  ];
}
