import { log, logFor } from "../log.ts";
import { compactNodeCounts } from "../stats/compact-counts.ts";
import { QUEUES } from "../queue.ts";
import { pool, type Tx } from "../sql.ts";
import { completeWaits } from "./complete-wait.ts";
import { SEND_LEASE_SECONDS } from "./deliver-messages.ts";
import { enqueueWebhookCalls } from "./effects.ts";
import { enqueueSends, enqueueWebhookEvents, laneQueue } from "./enqueue.ts";
import { failRun } from "./fail-run.ts";
import { timeoutWaits } from "./timeout-waits.ts";
import { applyTransitions, type RunRef } from "./transition.ts";
import { withTx } from "./with-tx.ts";

export type SweepReport = { deadJobsFailed: number; runsRequeued: number; waitsTimedOut: number; orphanWaitsClosed: number; sendsRequeued: number; eventsRequeued: number; counterRowsFolded: number };

/** Any constant works: it only has to be the same in every worker. */
const SWEEP_LOCK = 72220881318;
/** Queues whose jobs carry `runIds`: a run with a live job in one of them is being taken care of. */
const LANES = [...Object.values(laneQueue), QUEUES.webhookCall];
const BATCH = 500;

/**
 * Finds runs whose job was lost and puts them back on track; one worker at a time (advisory
 * lock), the others skip. Each repair is logged and written in the run's history:
 * - a job that died on its last attempt (failed, or expired with its worker) → its run fails with
 *   the reason, since retrying it is what already failed;
 * - a run `running` for a while with no live step job → a new step job (or, at a webhook call,
 *   a new call job);
 * - a pending wait past its deadline with no live timer job → timed out now;
 * - a pending wait whose run is no longer waiting on it → cancelled, or its run failed when that
 *   run is waiting at another step (nothing could ever move it);
 * - an outbound message pending with no live send job (its claim, if any, expired) → a new send
 *   job; a stored webhook delivery never processed → a new processing job.
 * `graceSeconds` keeps it off runs and waits that are merely busy or a little late. Its queries
 * compare with now(), not clock_timestamp(): a volatile function cannot bound an index scan, and
 * with a million pending waits that turned each sweep into seconds of scanning.
 */
export async function sweep(graceSeconds: number): Promise<SweepReport | null> {
  const client = await pool().connect();
  try {
    const [lock] = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SWEEP_LOCK])).rows;
    if (!lock?.ok) return null;
    try {
      const report = {
        deadJobsFailed: await failRunsOfDeadJobs(),
        runsRequeued: await requeueRunsWithoutJob(graceSeconds),
        waitsTimedOut: await timeOutWaitsWithoutTimer(graceSeconds),
        orphanWaitsClosed: await closeOrphanWaits(graceSeconds),
        sendsRequeued: await requeueSendsWithoutJob(graceSeconds),
        eventsRequeued: await requeueEventsWithoutJob(graceSeconds),
        counterRowsFolded: await compactNodeCounts(),
      };
      if (Object.values(report).some((n) => n > 0)) log.info({ report }, "sweeper repaired");
      return report;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [SWEEP_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function failRunsOfDeadJobs(): Promise<number> {
  const dead = await withTx((tx) => tx.sql<{ runId: string; queue: string; error: string | null }>`
    SELECT DISTINCT ON (r.id) r.id AS "runId", j.name AS queue, j.output->>'message' AS error
    FROM pgboss.job j
    CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(j.data->'runIds') = 'array' THEN j.data->'runIds' ELSE '[]'::jsonb END) AS x(id)
    JOIN "Run" r ON r.id = x.id
    WHERE j.name = ANY(${LANES}::text[]) AND j.state = 'failed' AND r.status = 'running' AND r."updatedAt" <= j.completed_on
    UNION ALL
    SELECT w."runId", j.name, j.output->>'message'
    FROM pgboss.job j JOIN "Wait" w ON w.id = j.id::text
    WHERE j.name = ${QUEUES.waitTimeout} AND j.state = 'failed' AND w.status = 'pending'
    LIMIT ${BATCH}`);
  for (const { runId, queue, error } of dead) {
    const reason = `Its ${queue === QUEUES.waitTimeout ? "timer" : "step"} job failed after every retry${error ? `: ${error}` : ""} (found by the sweeper)`;
    logFor({ runId }).warn({ reason }, "sweeper: run fails");
    await failRun(runId, reason);
  }
  return dead.length;
}

async function requeueRunsWithoutJob(graceSeconds: number): Promise<number> {
  return withTx(async (tx) => {
    const stale = await tx.sql<RunRef & { currentNodeId: string | null; callId: string | null }>`
      WITH stale AS (
        SELECT id, status, seq, "currentNodeId" FROM "Run"
        WHERE status = 'running' AND "updatedAt" < now() - make_interval(secs => ${graceSeconds})
        ORDER BY "updatedAt" LIMIT ${BATCH}
      )
      SELECT s.*, (SELECT c.id FROM "WebhookCall" c WHERE c."runId" = s.id AND c."runSeq" = s.seq AND c.status <> 'done') AS "callId"
      FROM stale s WHERE NOT EXISTS (
        SELECT 1 FROM pgboss.job j WHERE j.name = ANY(${LANES}::text[]) AND j.state < 'completed' AND j.data->'runIds' ? s.id)`;
    // A run at a webhook call whose job was lost gets a new call job (a history row would move its
    // seq and void the call); the call's claim keeps a late original job from calling twice at once.
    const calls = stale.flatMap((run) => (run.callId ? [{ id: run.callId, runId: run.id }] : []));
    for (const call of calls) logFor({ runId: call.runId }).warn({ callId: call.id }, "sweeper: webhook call had no job; queued again");
    await enqueueWebhookCalls(tx, calls, false);
    const lost = stale.filter((run) => !run.callId);
    for (const run of lost) logFor({ runId: run.id }).warn("sweeper: run was running with no step job; queued again");
    const won = await applyTransitions(tx, lost.map((run) => ({
      run,
      history: [{ nodeId: run.currentNodeId, type: "repair", detail: "The sweeper found this run running with no step job and queued it again" }],
      next: { status: "running" as const, currentNodeId: run.currentNodeId },
      enqueue: "interactive" as const,
    })));
    return won.size + calls.length;
  });
}

async function timeOutWaitsWithoutTimer(graceSeconds: number): Promise<number> {
  const lost = await withTx((tx) => overdueWaitsWithoutTimer(tx, graceSeconds));
  if (lost.length === 0) return 0;
  for (const id of lost) logFor({ waitId: id }).warn("sweeper: wait passed its deadline with no timer job; timing it out");
  const { failed } = await timeoutWaits(lost, "its timer job was lost; the sweeper completed it");
  return lost.length - failed.size;
}

const overdueWaitsWithoutTimer = async (tx: Tx, graceSeconds: number) =>
  (await tx.sql<{ id: string }>`
    SELECT w.id FROM "Wait" w
    JOIN "Run" r ON r.id = w."runId" AND r.status = 'waiting' AND r.seq = w."runSeq"
    WHERE w.status = 'pending' AND w."timeoutAt" < now() - make_interval(secs => ${graceSeconds})
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${QUEUES.waitTimeout} AND j.id = w.id::uuid AND j.state < 'completed')
    ORDER BY w."timeoutAt" LIMIT ${BATCH}`).map((w) => w.id);

/**
 * A pending wait its run has left (data from a bug or a hand edit) would be retried for ever. If
 * the run has finished or is running, the wait is just stale: cancelled. If the run is waiting at
 * another step, nothing can ever complete it: it fails, with the reason, instead of sitting stuck.
 */
async function closeOrphanWaits(graceSeconds: number): Promise<number> {
  const orphans = await withTx((tx) => tx.sql<{ id: string; runId: string; runStatus: string }>`
    SELECT w.id, w."runId", r.status AS "runStatus" FROM "Wait" w JOIN "Run" r ON r.id = w."runId"
    WHERE w.status = 'pending' AND w."timeoutAt" < now() - make_interval(secs => ${graceSeconds})
      AND NOT (r.status = 'waiting' AND r.seq = w."runSeq")
    ORDER BY w."timeoutAt" LIMIT ${BATCH}`);
  for (const { id, runId, runStatus } of orphans) {
    logFor({ waitId: id, runId }).warn({ runStatus }, "sweeper: pending wait whose run is not waiting on it");
    if (runStatus === "waiting") await failRun(runId, "Its wait no longer matched the step it was waiting at (inconsistent state; stopped by the sweeper)");
    else await withTx((tx) => completeWaits(tx, [id], { by: "cancel", outcome: null, note: "orphaned" }));
  }
  return orphans.length;
}

/**
 * A message still pending past its retry time and its claim's lease, with no send job left to
 * send it (the job was lost, or its worker died mid-send and the job ran out of retries).
 */
async function requeueSendsWithoutJob(graceSeconds: number): Promise<number> {
  return withTx(async (tx) => {
    const lost = await tx.sql<{ id: string }>`
      SELECT m.id FROM "Message" m
      WHERE m.status = 'pending' AND m.direction = 'outbound' AND m.at < now() - make_interval(secs => ${graceSeconds})
        AND COALESCE(m."nextAttemptAt", m.at) < now() - make_interval(secs => ${graceSeconds})
        AND (m."claimedAt" IS NULL OR m."claimedAt" < now() - make_interval(secs => ${SEND_LEASE_SECONDS}))
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${QUEUES.messageSend} AND j.state < 'completed' AND j.data->>'messageId' = m.id)
      ORDER BY m.at LIMIT ${BATCH}`;
    for (const { id } of lost) logFor({ messageId: id }).warn("sweeper: message pending with no send job; queued again");
    await enqueueSends(tx, lost, false);
    return lost.length;
  });
}

async function requeueEventsWithoutJob(graceSeconds: number): Promise<number> {
  return withTx(async (tx) => {
    const lost = await tx.sql<{ id: string }>`
      SELECT e.id FROM "WebhookEvent" e
      WHERE e."processedAt" IS NULL AND e."receivedAt" < now() - make_interval(secs => ${graceSeconds})
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${QUEUES.whatsappEvent} AND j.state < 'completed' AND j.data->>'eventId' = e.id)
      ORDER BY e."receivedAt" LIMIT ${BATCH}`;
    for (const { id } of lost) logFor({ eventId: id }).warn("sweeper: webhook event never processed; queued again");
    await enqueueWebhookEvents(tx, lost.map((e) => e.id), false);
    return lost.length;
  });
}
