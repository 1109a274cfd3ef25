import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { count, sleep, waitForCount, type BenchContext } from "./helpers.ts";

export type ReplyTarget = { runId: string; phone: string };
export type ReplyLatency = { runId: string; inboundAt: number; ms: number };

/** Random waiting runs of an automation, with their contact's phone. */
export async function pickWaitingRuns({ pool }: BenchContext, automationId: string, total: number): Promise<ReplyTarget[]> {
  const { rows } = await pool.query<ReplyTarget>(`
    SELECT r.id AS "runId", c.phone FROM "Run" r JOIN "Contact" c ON c.id = r."contactId"
    WHERE r."automationId" = $1 AND r.status = 'waiting' ORDER BY random() LIMIT $2`, [automationId, total]);
  if (rows.length !== total) throw new Error(`Wanted ${total} waiting runs of ${automationId}, found ${rows.length}`);
  return rows;
}

/**
 * Sends one reply per target through receiveInbound, paced at `perSecond` (so we measure
 * latency, not a backlog), until all are sent or `keepGoing` says stop. Returns those sent.
 */
export async function sendPacedReplies(targets: ReplyTarget[], perSecond: number, tag: string, keepGoing: () => boolean = () => true): Promise<ReplyTarget[]> {
  const sent: ReplyTarget[] = [];
  await Promise.all(targets.map(async (target, i) => {
    await sleep((i * 1000) / perSecond);
    if (!keepGoing()) return;
    sent.push(target);
    await receiveInbound({ from: target.phone, text: "Yes", providerMessageId: `bench-${tag}-${target.phone}` });
  }));
  return sent;
}

/** Waits until every replied run has completed (thanks → end). */
export const allCompleted = ({ pool }: BenchContext, runIds: string[], label: string) =>
  waitForCount(`${label}: replied runs completed`, () =>
    count(pool, `SELECT count(*) AS n FROM "Run" WHERE id = ANY($1) AND status = 'completed'`, [runIds]), runIds.length);

/** Inbound Message.at → the run's next outbound Message.at, per run (database clock). */
export async function replyLatencies({ pool }: BenchContext, runIds: string[]): Promise<ReplyLatency[]> {
  const { rows } = await pool.query<{ runId: string; inboundAt: number; ms: number }>(`
    SELECT r.id AS "runId", EXTRACT(EPOCH FROM i.at) * 1000 AS "inboundAt", EXTRACT(EPOCH FROM (o.at - i.at)) * 1000 AS ms
    FROM "Run" r
    JOIN "Message" i ON i."contactId" = r."contactId" AND i.direction = 'inbound'
    JOIN LATERAL (
      SELECT at FROM "Message" o WHERE o."runId" = r.id AND o.direction = 'outbound' AND o."contactSeq" > i."contactSeq"
      ORDER BY o."contactSeq" LIMIT 1
    ) o ON true
    WHERE r.id = ANY($1)`, [runIds]);
  if (rows.length !== runIds.length) throw new Error(`Expected ${runIds.length} reply latencies, got ${rows.length}`);
  return rows.map((row) => ({ runId: row.runId, inboundAt: Number(row.inboundAt), ms: Number(row.ms) }));
}
