import { count, distribution, envNumber, millis, waitUntil, type BenchContext, type Metric } from "./helpers.ts";

const SCENARIO = "b. timeouts due";

/**
 * (b) N pending waits (default 2,000) of `automationId` made due over the next 5..15 s, nobody
 * replying. The engine created them (1-hour timeouts); here each wait's timeoutAt and its
 * wait-timeout job's start_after are moved together, in one transaction, to now() + 5..15 s:
 * exactly what startWait would have stored with that timeout, but with the deadlines spread over
 * 10 s whatever the engine's start rate. Lateness = RunStep.at of the noResponse step −
 * Wait.timeoutAt (both DB clock).
 */
export async function benchTimeouts({ pool }: BenchContext, automationId: string): Promise<Metric[]> {
  const total = envNumber("BENCH_TIMEOUTS", 2_000);
  const waitIds = await reschedule(pool, automationId, total);

  const timedOut = () => count(pool, `SELECT count(*) AS n FROM "Wait" WHERE id = ANY($1) AND "completedBy" = 'timeout'`, [waitIds]);
  await waitUntil(async () => (await timedOut()) === waitIds.length, `${waitIds.length} waits to time out`, 90_000, 250);

  const lateness = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (s.at - w."timeoutAt")) * 1000 AS ms
    FROM "Wait" w JOIN "RunStep" s ON s."runId" = w."runId" AND s.seq > w."runSeq" AND s."nodeId" = w."nodeId" AND s.outcome = 'noResponse'
    WHERE w.id = ANY($1)`, [waitIds]);
  const [window] = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (max("timeoutAt") - min("timeoutAt"))) * 1000 AS ms FROM "Wait" WHERE id = ANY($1)`, [waitIds]);
  const jobs = await count(pool, `SELECT count(*) AS n FROM pgboss.job WHERE name = 'wait-timeout' AND data->>'waitId' = ANY($1)`, [waitIds]);
  return [
    { scenario: SCENARIO, metric: "waits timed out", value: lateness.length, unit: "waits" },
    { scenario: SCENARIO, metric: "deadlines spread over", value: window ?? Number.NaN, unit: "ms" },
    ...distribution(SCENARIO, "noResponse step after deadline", lateness),
    { scenario: SCENARIO, metric: "timeout jobs per wait (>1 = fired early)", value: jobs / waitIds.length, unit: "jobs" },
  ];
}

async function reschedule(pool: BenchContext["pool"], automationId: string, total: number): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(`
      UPDATE "Wait" w SET "timeoutAt" = now() + make_interval(secs => 5 + random() * 10)
      FROM (SELECT w.id FROM "Wait" w JOIN "Run" r ON r.id = w."runId"
            WHERE r."automationId" = $1 AND w.status = 'pending' LIMIT $2) pick
      WHERE w.id = pick.id RETURNING w.id`, [automationId, total]);
    const waitIds = rows.map((r) => r.id);
    const moved = await client.query(`
      UPDATE pgboss.job j SET start_after = w."timeoutAt"
      FROM "Wait" w WHERE j.name = 'wait-timeout' AND j.state = 'created' AND j.data->>'waitId' = w.id AND w.id = ANY($1)`, [waitIds]);
    if (waitIds.length !== total || moved.rowCount !== total) throw new Error(`Rescheduled ${waitIds.length} waits and ${moved.rowCount} jobs, wanted ${total}`);
    await client.query("COMMIT");
    return waitIds;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
