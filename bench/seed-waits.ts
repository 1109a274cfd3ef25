import { boss, QUEUES } from "../lib/queue.ts";
import { count, dbClock, log, phones, thousands, waitForCount, type BenchContext } from "./helpers.ts";
import { startRunsWithProgress } from "./start.ts";

const CHUNK = 50_000;
const JOB_BATCH = 10_000;
/** Seeded deadlines: spread over days 1..10 ahead, as if started over the past days. */
const TIMEOUT_FROM_SECONDS = 86_400;
const TIMEOUT_SPREAD_SECONDS = 9 * 86_400;

/**
 * Puts `total` waiting runs with pending waits on `automationId`, fast, with set-based SQL: a
 * real run of the automation, brought to its wait by the engine, is the template, and each chunk
 * of generate_series copies it in one statement (contact, run, its history rows and outbound
 * message, pending wait), whatever the engine's seq numbering. Then each wait's timer job
 * through pg-boss's own insert (id = wait id, startAfter = timeoutAt). Finally VACUUM ANALYZE.
 */
export async function seedPendingWaits({ pool }: BenchContext, automationId: string, total: number, label: string): Promise<{ seedMs: number; vacuumMs: number }> {
  await startRunsWithProgress(automationId, phones("60", 1));
  await waitForCount(`${label}: template run waiting`, () =>
    count(pool, `SELECT count(*) AS n FROM "Run" WHERE "automationId" = $1 AND status = 'waiting'`, [automationId]), 1);
  const { rows: [template] } = await pool.query<{ id: string }>(`SELECT id FROM "Run" WHERE "automationId" = $1`, [automationId]);
  if (!template) throw new Error("Template run not found");

  const started = await dbClock(pool);
  const queue = await boss();
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    const { rows } = await pool.query<{ id: string; timeoutAt: Date }>(SEED_CHUNK, [template.id, from, to, TIMEOUT_FROM_SECONDS, TIMEOUT_SPREAD_SECONDS]);
    for (let i = 0; i < rows.length; i += JOB_BATCH) {
      await queue.insert(QUEUES.waitTimeout, rows.slice(i, i + JOB_BATCH).map((w) => ({ id: w.id, data: { waitId: w.id }, startAfter: w.timeoutAt })));
    }
    const rate = (to / ((await dbClock(pool)) - started)) * 1000;
    log(`  ${label}: seeded ${thousands(to)}/${thousands(total)} pending waits with their timer jobs (${thousands(rate)} runs/s)`);
  }
  const seeded = await dbClock(pool);
  log(`  ${label}: VACUUM ANALYZE`);
  await pool.query("VACUUM ANALYZE");
  // Write the seeding's dirty pages back now, so what follows measures the pending waits rather
  // than a checkpointer busy with a million fresh rows. (Needs superuser; skipped otherwise.)
  await pool.query("CHECKPOINT").catch(() => log(`  ${label}: CHECKPOINT not allowed for this user; measuring without it`));
  return { seedMs: seeded - started, vacuumMs: (await dbClock(pool)) - seeded };
}

// $1 template run, $2..$3 the series, $4 + random() × $5 seconds: each seeded wait's timeout.
// Phones are +3950 and 8 digits: no other bench contact uses that prefix.
const SEED_CHUNK = `
WITH tpl AS (
  SELECT r.id, r."automationId", r."versionId", r.status, r."currentNodeId", r.seq, r."replyWatermark",
         c."workspaceId", c."messageSeq", w."nodeId" AS "waitNodeId", w."runSeq"
  FROM "Run" r JOIN "Contact" c ON c.id = r."contactId" JOIN "Wait" w ON w."runId" = r.id AND w.status = 'pending'
  WHERE r.id = $1
), ids AS (
  SELECT i, gen_random_uuid()::text AS "contactId", gen_random_uuid()::text AS "runId", gen_random_uuid()::text AS "waitId",
         now() + make_interval(secs => $4 + random() * $5) AS "timeoutAt"
  FROM generate_series($2::int, $3::int) i
), contact AS (
  INSERT INTO "Contact" (id, "workspaceId", phone, name, "messageSeq")
  SELECT ids."contactId", tpl."workspaceId", '+3950' || lpad(ids.i::text, 8, '0'), 'Seeded ' || ids.i, tpl."messageSeq" FROM ids, tpl
), run AS (
  INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", status, "currentNodeId", seq, "replyWatermark")
  SELECT ids."runId", tpl."workspaceId", tpl."automationId", tpl."versionId", ids."contactId", tpl.status, tpl."currentNodeId", tpl.seq, tpl."replyWatermark" FROM ids, tpl
), history AS (
  INSERT INTO "RunStep" ("runId", seq, "nodeId", type, outcome, detail)
  SELECT ids."runId", s.seq, s."nodeId", s.type, s.outcome, s.detail FROM ids, "RunStep" s WHERE s."runId" = $1
), message AS (
  INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "idempotencyKey", "contactSeq", "runId", status)
  SELECT gen_random_uuid()::text, m."workspaceId", ids."contactId", m.direction, m.text, m.channel, replace(m."idempotencyKey", $1, ids."runId"), m."contactSeq", ids."runId", m.status
  FROM ids, "Message" m WHERE m."runId" = $1
)
INSERT INTO "Wait" (id, "runId", "contactId", "nodeId", "runSeq", "timeoutAt")
SELECT ids."waitId", ids."runId", ids."contactId", tpl."waitNodeId", tpl."runSeq", ids."timeoutAt" FROM ids, tpl
RETURNING id, "timeoutAt"`;
