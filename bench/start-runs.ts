import { startRuns } from "../lib/engine/start-runs.ts";
import { count, envNumber, millis, percentile, phones, publishReplyOrRemind, waitUntil, type BenchContext, type Metric } from "./helpers.ts";

const SCENARIO = "a. bulk start";

export type BulkStart = { metrics: Metric[]; automationId: string };

/**
 * (a) One startRuns call for N contacts (default 10,000) on trigger → send → Customer Response
 * (1 hour): how long the call takes, and how fast the workers bring every run to its wait.
 */
export async function benchBulkStart({ pool }: BenchContext): Promise<BulkStart> {
  const total = envNumber("BENCH_CONTACTS", 10_000);
  const automationId = await publishReplyOrRemind("bench bulk start", { amount: 1, unit: "hours" });
  const contacts = phones("30", total).map((c, i) => ({ ...c, name: `Contact ${i}` }));

  const started = performance.now();
  await startRuns(automationId, contacts);
  const callMs = performance.now() - started;
  const waiting = () => count(pool, `SELECT count(*) AS n FROM "Run" WHERE "automationId" = $1 AND status = 'waiting'`, [automationId]);
  let lastLog = 0;
  await waitUntil(async () => {
    const n = await waiting();
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      console.log(`  a. ${n}/${total} waiting after ${((lastLog - started) / 1000).toFixed(1)} s`);
    }
    return n === total;
  }, `${total} runs to be waiting`, 150_000, 200);
  const wallMs = performance.now() - started;

  // Database clock: Run.createdAt is the startRuns transaction's now(), Wait.createdAt each wait's.
  const perRun = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (w."createdAt" - r."createdAt")) * 1000 AS ms
    FROM "Run" r JOIN "Wait" w ON w."runId" = r.id WHERE r."automationId" = $1`, [automationId]);
  const allWaitingMs = Math.max(...perRun);
  const drainMs = allWaitingMs - Math.min(...perRun);
  return {
    automationId,
    metrics: [
      { scenario: SCENARIO, metric: `startRuns(${total}) call`, value: callMs, unit: "ms" },
      { scenario: SCENARIO, metric: "all runs waiting after (DB clock)", value: allWaitingMs, unit: "ms" },
      { scenario: SCENARIO, metric: "all runs waiting after (wall, polled)", value: wallMs, unit: "ms" },
      { scenario: SCENARIO, metric: "runs reaching their wait per second", value: (total / allWaitingMs) * 1000, unit: "runs/s" },
      { scenario: SCENARIO, metric: "worker drain rate (first → last wait)", value: (total / drainMs) * 1000, unit: "runs/s" },
      { scenario: SCENARIO, metric: "run created → waiting p50", value: percentile(perRun, 50), unit: "ms" },
    ],
  };
}
