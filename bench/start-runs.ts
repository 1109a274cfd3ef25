import { dbClock, log, millis, percentile, phones, publishReplyOrRemind, thousands, type BenchContext, type Metric } from "./helpers.ts";
import { FULL } from "./sizes.ts";
import { allWaiting, startRunsWithProgress } from "./start.ts";

const SCENARIO = "a. bulk start";
const GOAL_RATE = 3_300;

export type BulkStart = { metrics: Metric[]; automationId: string };

/**
 * (a) One startRuns call for N contacts (full: 100,000) on trigger → send → Customer Response
 * (1 hour). Measured on the database clock from just before the call to the last wait created,
 * plus the call's own duration; the call's progress (onProgress) is printed as it goes.
 */
export async function benchBulkStart({ pool }: BenchContext, total: number): Promise<BulkStart> {
  const automationId = await publishReplyOrRemind("bench bulk start", { amount: 1, unit: "hours" });
  const contacts = phones("30", total);
  log(`${SCENARIO}: startRuns(${thousands(total)} contacts)`);

  let printed = 0;
  const onProgress = (started: number, of: number) => {
    if (started === of || started - printed >= of / 10) {
      printed = started;
      log(`  a. startRuns progress: ${thousands(started)}/${thousands(of)} started`);
    }
  };
  const callStart = await dbClock(pool);
  await startRunsWithProgress(automationId, contacts, { onProgress });
  const callEnd = await dbClock(pool);
  log(`  a. startRuns returned after ${((callEnd - callStart) / 1000).toFixed(1)} s (DB clock)`);
  await allWaiting(pool, automationId, total, "a");

  // Database clock: Run.createdAt is its start transaction's now(), Wait.createdAt each wait's.
  const perRun = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (w."createdAt" - r."createdAt")) * 1000 AS ms
    FROM "Run" r JOIN "Wait" w ON w."runId" = r.id WHERE r."automationId" = $1`, [automationId]);
  const { rows } = await pool.query<{ first: string; last: string }>(`
    SELECT EXTRACT(EPOCH FROM min(w."createdAt")) * 1000 AS first, EXTRACT(EPOCH FROM max(w."createdAt")) * 1000 AS last
    FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = $1`, [automationId]);
  const [firstWait, lastWait] = [Number(rows[0]?.first), Number(rows[0]?.last)];
  const allWaitingMs = lastWait - callStart;
  const drainMs = lastWait - firstWait;
  const goalMs = (total / GOAL_RATE) * 1000;
  return {
    automationId,
    metrics: [
      { scenario: SCENARIO, metric: `startRuns(${thousands(total)}) call`, value: callEnd - callStart, unit: "ms", yardstick: { kind: "jobs", jobs: total } },
      {
        scenario: SCENARIO, metric: "call start → last wait created", value: allWaitingMs, unit: "ms", yardstick: { kind: "jobs", jobs: total },
        goal: total === FULL.contacts ? "≤ 30,000 ms" : `≤ 30 s per 100,000 (${thousands(goalMs)} ms here)`,
      },
      { scenario: SCENARIO, metric: "runs reaching their wait per second", value: (total / allWaitingMs) * 1000, unit: "runs/s", goal: `≥ ${thousands(GOAL_RATE)} runs/s`, yardstick: { kind: "rate" } },
      { scenario: SCENARIO, metric: "worker drain rate (first → last wait)", value: (total / drainMs) * 1000, unit: "runs/s", yardstick: { kind: "rate" } },
      { scenario: SCENARIO, metric: "run created → waiting p50", value: percentile(perRun, 50), unit: "ms" },
      { scenario: SCENARIO, metric: "run created → waiting p99", value: percentile(perRun, 99), unit: "ms" },
    ],
  };
}
