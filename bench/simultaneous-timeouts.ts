import { distribution, envNumber, log, thousands, type BenchContext, type Metric } from "./helpers.ts";
import { deadlineWindow, lateness, reschedule, timedOutAndFinished, timerAttemptsPerWait } from "./reschedule.ts";

const SCENARIO = "b1. timeouts at one instant";

/**
 * (b1) `total` pending waits created by (a) (default 10,000) all made due at one instant
 * BENCH_DEADLINE_LEAD seconds ahead (default 5). Goal: every noResponse step done ≤ 5 s after
 * the deadline, so the figure that matters is the max of RunStep.at − deadline.
 */
export async function benchSimultaneousTimeouts(context: BenchContext, automationId: string, total: number): Promise<Metric[]> {
  log(`${SCENARIO}: making ${thousands(total)} waits due at the same instant`);
  const moved = await reschedule(context, automationId, total, envNumber("BENCH_DEADLINE_LEAD", 5), 0);
  await timedOutAndFinished(context, moved, SCENARIO);
  const late = await lateness(context, moved.waitIds);
  const rate = late.length / (Math.max(...late) / 1000);
  return [
    { scenario: SCENARIO, metric: "waits due at one instant", value: late.length, unit: "waits" },
    { scenario: SCENARIO, metric: "deadlines spread over (0 = one instant)", value: await deadlineWindow(context, moved.waitIds), unit: "ms" },
    ...distribution(SCENARIO, "noResponse step after deadline", late, (stat) =>
      stat === "max" ? { goal: "max ≤ 5,000 ms (10,000 waits)", yardstick: { kind: "jobs", jobs: late.length } } : { yardstick: { kind: "timer", stat } }),
    { scenario: SCENARIO, metric: "timeouts handled per second (deadline → last)", value: rate, unit: "waits/s", yardstick: { kind: "rate" } },
    { scenario: SCENARIO, metric: "timer job attempts per wait (>1 = early or failed)", value: await timerAttemptsPerWait(context, moved.waitIds), unit: "attempts" },
  ];
}
