import { count, dbClock, log, millis, waitForCount, type BenchContext } from "./helpers.ts";

export type Rescheduled = { waitIds: string[]; runIds: string[] };

/**
 * Makes `total` pending waits of an automation due at T + lead + random() × spread seconds
 * (spread 0: all at one instant), T being the database clock once the timer jobs are found. Each
 * wait's timeoutAt and its wait-timeout job's start_after move together, in one transaction:
 * exactly the pair the engine stores for such a timeout, but with deadlines that do not depend
 * on how fast the engine started the runs.
 */
export async function reschedule({ pool }: BenchContext, automationId: string, total: number, leadSeconds: number, spreadSeconds: number): Promise<Rescheduled> {
  const client = await pool.connect();
  let moved: Rescheduled;
  try {
    await client.query("BEGIN");
    // Finding the timer jobs by payload scans pgboss.job (slow with a million jobs): do it first,
    // so that the deadlines are set from the clock after it, then move both by key. One scan
    // with a (hashed) = ANY, whatever the planner thinks of the waits picked.
    const { rows: waits } = await client.query<{ id: string }>(`
      SELECT w.id FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = $1 AND w.status = 'pending' LIMIT $2`, [automationId, total]);
    const { rows: picked } = await client.query<{ waitId: string; jobId: string }>(`
      SELECT j.data->>'waitId' AS "waitId", j.id AS "jobId" FROM pgboss.job j
      WHERE j.name = 'wait-timeout' AND j.state = 'created' AND j.data->>'waitId' = ANY($1::text[])`, [waits.map((w) => w.id)]);
    const { rows } = await client.query<{ id: string; runId: string }>(`
      WITH clock AS (SELECT clock_timestamp() AS t)
      UPDATE "Wait" SET "timeoutAt" = clock.t + make_interval(secs => $2 + random() * $3)
      FROM clock WHERE id = ANY($1) RETURNING id, "runId"`, [picked.map((p) => p.waitId), leadSeconds, spreadSeconds]);
    moved = { waitIds: rows.map((r) => r.id), runIds: rows.map((r) => r.runId) };
    const jobs = await client.query(`
      UPDATE pgboss.job j SET start_after = w."timeoutAt"
      FROM "Wait" w WHERE j.name = 'wait-timeout' AND j.id = ANY($1::uuid[]) AND w.id = j.data->>'waitId'`, [picked.map((p) => p.jobId)]);
    if (moved.waitIds.length !== total || jobs.rowCount !== total) {
      throw new Error(`Rescheduled ${moved.waitIds.length} waits and ${jobs.rowCount} timer jobs, wanted ${total}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  // The deadlines must still be ahead once the move is visible, or lateness would be overstated.
  const [first] = await millis(pool, `SELECT EXTRACT(EPOCH FROM min("timeoutAt")) * 1000 AS ms FROM "Wait" WHERE id = ANY($1)`, [moved.waitIds]);
  const margin = (first ?? 0) - (await dbClock(pool));
  log(`  ${total} waits rescheduled; first deadline ${(margin / 1000).toFixed(1)} s after the commit${margin < 0 ? " (ALREADY PASSED: lateness is overstated)" : ""}`);
  return moved;
}

/** Waits for every rescheduled wait to time out, then for its run to finish (reminder → end). */
export async function timedOutAndFinished({ pool }: BenchContext, { waitIds, runIds }: Rescheduled, label: string): Promise<void> {
  await waitForCount(`${label}: waits timed out`, () =>
    count(pool, `SELECT count(*) AS n FROM "Wait" WHERE id = ANY($1) AND "completedBy" = 'timeout'`, [waitIds]), waitIds.length);
  await waitForCount(`${label}: timed-out runs completed`, () =>
    count(pool, `SELECT count(*) AS n FROM "Run" WHERE id = ANY($1) AND status = 'completed'`, [runIds]), runIds.length);
}

/** max(timeoutAt) − min(timeoutAt) of the waits: 0 for one instant, ~10 s for b2's spread. */
export async function deadlineWindow({ pool }: BenchContext, waitIds: string[]): Promise<number> {
  const [window = Number.NaN] = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (max("timeoutAt") - min("timeoutAt"))) * 1000 AS ms FROM "Wait" WHERE id = ANY($1)`, [waitIds]);
  return window;
}

/** RunStep.at of each wait's noResponse step − its Wait.timeoutAt (both database clock). */
export const lateness = ({ pool }: BenchContext, waitIds: string[]) => millis(pool, `
  SELECT EXTRACT(EPOCH FROM (s.at - w."timeoutAt")) * 1000 AS ms
  FROM "Wait" w JOIN "RunStep" s ON s."runId" = w."runId" AND s.seq > w."runSeq" AND s."nodeId" = w."nodeId" AND s.outcome = 'noResponse'
  WHERE w.id = ANY($1)`, [waitIds]);

/** wait-timeout job attempts per wait: 1.0 means no timer fired before its deadline (and none failed). */
export async function timerAttemptsPerWait({ pool }: BenchContext, waitIds: string[]): Promise<number> {
  const attempts = await count(pool, `
    SELECT COALESCE(sum(retry_count + 1), 0) AS n FROM pgboss.job WHERE name = 'wait-timeout' AND data->>'waitId' = ANY($1)`, [waitIds]);
  return attempts / waitIds.length;
}
