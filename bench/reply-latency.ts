import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { count, distribution, envNumber, millis, sleep, waitUntil, type BenchContext, type Metric } from "./helpers.ts";

const SCENARIO = "c. reply → next message";

/**
 * (c) Replies to waiting runs of `automationId`, paced (default 300 at 50/s) so we measure
 * latency, not a backlog: inbound Message.at → the run's next outbound Message.at (DB clock).
 */
export async function benchReplyLatency({ pool }: BenchContext, automationId: string): Promise<Metric[]> {
  const total = envNumber("BENCH_REPLIES", 300);
  const perSecond = envNumber("BENCH_REPLY_RATE", 50);
  const { rows } = await pool.query<{ runId: string; phone: string }>(`
    SELECT r.id AS "runId", c.phone FROM "Run" r JOIN "Contact" c ON c.id = r."contactId"
    WHERE r."automationId" = $1 AND r.status = 'waiting' ORDER BY random() LIMIT $2`, [automationId, total]);
  const runIds = rows.map((r) => r.runId);

  const callMs: number[] = [];
  const started = performance.now();
  const replies = rows.map(async ({ phone }, i) => {
    await sleep((i * 1000) / perSecond);
    const t0 = performance.now();
    await receiveInbound({ from: phone, text: "Yes", providerMessageId: `bench-${phone}` });
    callMs.push(performance.now() - t0);
  });
  await Promise.all(replies);
  const finished = () => count(pool, `SELECT count(*) AS n FROM "Run" WHERE id = ANY($1) AND status = 'completed'`, [runIds]);
  await waitUntil(async () => (await finished()) === runIds.length, `${runIds.length} replied runs to complete`, 60_000);
  const sendSeconds = (performance.now() - started) / 1000;

  const latency = await millis(pool, `
    SELECT EXTRACT(EPOCH FROM (o.at - i.at)) * 1000 AS ms
    FROM "Run" r
    JOIN "Message" i ON i."contactId" = r."contactId" AND i.direction = 'inbound'
    JOIN LATERAL (
      SELECT at FROM "Message" o WHERE o."runId" = r.id AND o.direction = 'outbound' AND o."contactSeq" > i."contactSeq"
      ORDER BY o."contactSeq" LIMIT 1
    ) o ON true
    WHERE r.id = ANY($1)`, [runIds]);
  if (latency.length !== runIds.length) throw new Error(`Expected ${runIds.length} reply latencies, got ${latency.length}`);
  return [
    { scenario: SCENARIO, metric: "replies sent (paced)", value: runIds.length, unit: `at ${perSecond}/s` },
    ...distribution(SCENARIO, "inbound → next outbound", latency),
    ...distribution(SCENARIO, "receiveInbound call", callMs).slice(0, 2),
    { scenario: SCENARIO, metric: "all replied runs completed after", value: sendSeconds * 1000, unit: "ms" },
  ];
}
