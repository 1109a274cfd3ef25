import { log, phones, publishReplyOrRemind, thousands, type BenchContext } from "./helpers.ts";
import { fewWaitsRuns, type Sizes } from "./sizes.ts";
import { allWaiting, startRunsWithProgress } from "./start.ts";

/**
 * The "few waits" baseline: a small start (replies of c1 and c2 plus timeouts of b2) on the
 * reply-or-remind fixture with a 1-hour timeout, run first, so that (c1) and (b2) measure a
 * database holding only these waits, and (d) can compare with them.
 */
export async function startFewWaits({ pool }: BenchContext, sizes: Sizes): Promise<string> {
  const total = fewWaitsRuns(sizes);
  const automationId = await publishReplyOrRemind("bench few waits", { amount: 1, unit: "hours" });
  log(`setup: starting ${thousands(total)} runs for the few-waits scenarios`);
  await startRunsWithProgress(automationId, phones("31", total));
  await allWaiting(pool, automationId, total, "setup");
  return automationId;
}
