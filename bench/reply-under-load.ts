import { count, dbClock, distribution, log, millis, phones, publishReplyOrRemind, sleep, thousands, waitUntil, type BenchContext, type Metric } from "./helpers.ts";
import { REPLY_GOAL } from "./reply-latency.ts";
import { allCompleted, pickWaitingRuns, replyLatencies, sendPacedReplies } from "./replies.ts";
import type { Sizes } from "./sizes.ts";
import { allWaiting, startRunsWithProgress, waitingRuns } from "./start.ts";

const SCENARIO = "c2. reply → next message during a bulk start";

/**
 * (c2) A big start on a second automation, not awaited; once the workers are advancing its runs
 * (its first wait exists), replies from contacts waiting on the few-waits automation, paced
 * (default 50/s for 10 s, stopping early if the bulk start has drained). Latency as in (c1), over
 * the replies stamped before the bulk start's last wait; and how far the bulk start had got at
 * the first and last reply (database clock), so the overlap is visible.
 */
export async function benchReplyUnderLoad(context: BenchContext, fewWaitsAutomationId: string, sizes: Sizes): Promise<Metric[]> {
  const { pool } = context;
  const total = sizes.loadContacts;
  const targets = await pickWaitingRuns(context, fewWaitsAutomationId, sizes.replyRate * sizes.loadSeconds);
  const automationId = await publishReplyOrRemind("bench bulk start under replies", { amount: 1, unit: "hours" });
  log(`${SCENARIO}: startRuns(${thousands(total)}) in the background`);

  let failure: unknown;
  const callStart = await dbClock(pool);
  const starting = startRunsWithProgress(automationId, phones("32", total), {
    onProgress: (started, of) => {
      if (started === of) log(`  c2. startRuns stored its last chunk (${thousands(of)} runs)`);
    },
  }).catch((error: unknown) => void (failure = error));
  const bulkWaits = () => count(pool, `SELECT count(*) AS n FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = $1`, [automationId]);
  await waitUntil(async () => failure !== undefined || (await bulkWaits()) > 0, "the bulk start's first wait", 600_000, 50);
  if (failure) throw failure;

  let drained = false;
  let sending = true;
  const watch = (async () => {
    while (sending && !drained) {
      drained = (await waitingRuns(pool, automationId)) >= total;
      await sleep(500);
    }
  })();
  log(`  c2. bulk lane busy: sending replies at ${sizes.replyRate}/s for up to ${sizes.loadSeconds} s`);
  const sent = await sendPacedReplies(targets, sizes.replyRate, "c2", () => !drained);
  sending = false;
  await watch;
  await starting;
  if (failure) throw failure;
  await allWaiting(pool, automationId, total, "c2 bulk start");
  const runIds = sent.map((t) => t.runId);
  await allCompleted(context, runIds, "c2");

  const latencies = await replyLatencies(context, runIds);
  const [lastWait] = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM max(w."createdAt")) * 1000 AS ms FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = $1`, [automationId]);
  const overlapped = latencies.filter((l) => l.inboundAt <= (lastWait ?? 0));
  if (overlapped.length === 0) log("  c2. WARNING: the bulk start drained before the first reply: no overlap to measure");
  const inbound = latencies.map((l) => l.inboundAt);
  const at = (label: string, time: number) => progressAt(context, automationId, total, label, time);
  return [
    { scenario: SCENARIO, metric: "replies stamped while the bulk start drained", value: overlapped.length, unit: `of ${sent.length} sent at ${sizes.replyRate}/s` },
    ...distribution(SCENARIO, "inbound → next outbound", overlapped.map((l) => l.ms), (stat) => ({
      yardstick: { kind: "latency", stat },
      ...(stat === "p99" ? { goal: REPLY_GOAL } : {}),
    })),
    ...(await at("first reply", Math.min(...inbound))),
    ...(await at("last reply", Math.max(...inbound))),
    { scenario: SCENARIO, metric: `bulk start of ${thousands(total)}: call start → last wait`, value: (lastWait ?? Number.NaN) - callStart, unit: "ms", yardstick: { kind: "jobs", jobs: total } },
    { scenario: SCENARIO, metric: "bulk runs reaching their wait per second", value: (total / ((lastWait ?? Number.NaN) - callStart)) * 1000, unit: "runs/s", yardstick: { kind: "rate" } },
  ];
}

/** How many bulk runs had been created, and how many were waiting, at a database instant. */
async function progressAt({ pool }: BenchContext, automationId: string, total: number, label: string, time: number): Promise<Metric[]> {
  const { rows } = await pool.query<{ started: string; waiting: string }>(`
    SELECT (SELECT count(*) FROM "Run" WHERE "automationId" = $1 AND "createdAt" <= to_timestamp($2 / 1000.0)) AS started,
           (SELECT count(*) FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = $1 AND w."createdAt" <= to_timestamp($2 / 1000.0)) AS waiting`,
  [automationId, time]);
  return [
    { scenario: SCENARIO, metric: `bulk start at the ${label}: runs started`, value: Number(rows[0]?.started), unit: `of ${thousands(total)}` },
    { scenario: SCENARIO, metric: `bulk start at the ${label}: runs waiting`, value: Number(rows[0]?.waiting), unit: `of ${thousands(total)}` },
  ];
}
