import { db } from "../lib/db.ts";
import { boss } from "../lib/queue.ts";
import { closePool } from "../lib/sql.ts";
import { startFakeGraphApi, type FakeGraphApi } from "../scripts/fake-meta/server.ts";
import { ensureDatabase, startPostgres, type PostgresServer } from "../scripts/postgres.ts";
import { applyMigrations } from "../lib/migrate.ts";
import { freePort } from "../test/helpers/free-port.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../test/helpers/webhook-receiver.ts";
import { loadOutcome, startSendAndWait } from "../test/helpers/whatsapp-load.ts";
import { startWorkers, type Workers } from "../test/helpers/workers.ts";
import { envNumber, log, percentile, sleep, waitUntil } from "./helpers.ts";

/**
 * `npm run bench:faults [-- kill|postgres|outage|webhook]`: the long versions of the fault suite
 * (test/faults-*.test.ts), counted at the fake Graph API, on an embedded Postgres of their own.
 * - kill: FAULT_RUNS (5,000) runs send and wait while a worker is kill -9ed every 10 s;
 * - postgres: the same load while Postgres is stopped for 5 s and started again;
 * - outage: the Graph API answers 500, then hangs, then 429, for a minute each;
 * - webhook: time to answer Meta's webhook (2,000 deliveries, 20 at a time).
 * Prints one line of figures per scenario; exits 1 if anything was lost, doubled or stuck.
 */
const chosen = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const scenarios = chosen.length ? chosen : ["kill", "postgres", "outage", "webhook"];
const RUNS = envNumber("FAULT_RUNS", 5_000);
const [pgPort, metaPort] = [await freePort(), await freePort()];
const env = {
  WHATSAPP_PHONE_NUMBER_ID: "9000009", WHATSAPP_ACCESS_TOKEN: "fake-token", WHATSAPP_APP_SECRET: "fake-secret",
  WHATSAPP_API_BASE: `http://127.0.0.1:${metaPort}/v26.0`, WHATSAPP_MESSAGES_PER_SECOND: "1000",
  JOB_EXPIRE_SECONDS: "10", SUPERVISE_INTERVAL_SECONDS: "2", WHATSAPP_SEND_LEASE_SECONDS: "60",
  SWEEP_INTERVAL_SECONDS: "5", SWEEP_GRACE_SECONDS: "10",
};
let server: PostgresServer = await startPostgres(`bench-faults`, pgPort);
await ensureDatabase(server.url("postgres"), "faults");
const results: string[] = [];
let failed = false;

for (const scenario of scenarios) {
  // A fresh database per scenario, so one's leftovers never count in the next.
  const name = `faults_${scenario}_${Date.now()}`;
  await ensureDatabase(server.url("postgres"), name);
  process.env.DATABASE_URL = server.url(name);
  Object.assign(process.env, env);
  await applyMigrations(process.env.DATABASE_URL);
  await boss();
  const receiver = await startWebhookReceiver();
  const meta = await startFakeGraphApi({ port: metaPort, appSecret: "fake-secret", webhookUrl: receiver.url });
  const workers: Workers[] = [await startWorkers(3, { ...env, DATABASE_URL: process.env.DATABASE_URL })];
  try {
    const line = await ({ kill, postgres, outage, webhook } as Record<string, (m: FakeGraphApi, w: Workers[], r: WebhookReceiver) => Promise<string>>)[scenario]!(meta, workers, receiver);
    results.push(`${scenario}: ${line}`);
    log(results.at(-1)!);
  } catch (error) {
    failed = true;
    results.push(`${scenario}: FAILED ${error instanceof Error ? error.message : String(error)}`);
    log(results.at(-1)!);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await meta.close();
    await receiver.close();
    await (await boss()).stop({ graceful: false }).catch(() => undefined);
    await Promise.all([db().$disconnect(), closePool()]);
    (globalThis as { replyflowBoss?: unknown; replyflowDb?: unknown }).replyflowBoss = undefined;
    (globalThis as { replyflowDb?: unknown }).replyflowDb = undefined;
  }
}
await server.stop();
console.log(`\nFault suite, long versions (${RUNS} runs):\n${results.join("\n")}`);
process.exit(failed ? 1 : 0);

async function settle(automationId: string, total: number, meta: FakeGraphApi, what: string) {
  const began = Date.now();
  await waitUntil(async () => {
    try {
      const active = await db().run.count({ where: { automationId, status: { in: ["running", "waiting"] } } });
      const pending = await db().message.count({ where: { run: { automationId }, status: "pending" } });
      return active === 0 && pending === 0;
    } catch {
      return false;
    }
  }, what, 30 * 60_000, 1_000);
  const outcome = await loadOutcome(automationId);
  const distinct = new Set(meta.sends.map((s) => s.callbackData)).size;
  const ok = outcome.runs.completed === total && distinct === total && meta.duplicates().length === 0;
  if (!ok) failed = true;
  // For a double, the gap between its two sends says which guard let it through (lease, evidence).
  const firsts = new Map<string, number>();
  const gaps = meta.sends.flatMap((s) => {
    const first = firsts.get(s.callbackData ?? "");
    if (first === undefined) firsts.set(s.callbackData ?? "", s.at);
    return first === undefined ? [] : [s.at - first];
  });
  if (gaps.length) log(`doubles: gap between the sends p50 ${percentile(gaps, 50)} ms, min ${Math.min(...gaps)} ms, max ${Math.max(...gaps)} ms`);
  return `${ok ? "ok" : "NOT OK"}; runs ${JSON.stringify(outcome.runs)}, sent ${distinct}/${total}, sent twice ${meta.duplicates().length}, settled ${Math.round((Date.now() - began) / 1000)} s after the fault`;
}

async function kill(meta: FakeGraphApi, workers: Workers[]) {
  meta.setMode({ kind: "slow", delayMs: 30 });
  const { automation, runs } = await startSendAndWait(RUNS, 60, "+3937100");
  let kills = 0;
  const killer = setInterval(() => {
    workers.at(-1)?.kill(0);
    kills += 1;
    void startWorkers(1, { ...env, DATABASE_URL: process.env.DATABASE_URL! }).then((w) => workers.push(w));
  }, 10_000);
  try {
    await waitUntil(async () => meta.sends.length >= RUNS / 2, "half the sends", 10 * 60_000, 500);
    for (const run of runs.filter((_, i) => i % 2 === 0)) await meta.postInbound({ from: run.phone.slice(1), text: "yes" });
    // The kills go on while the runs wait, until every run has ended.
    const line = await settle(automation.id, RUNS, meta, "the kill load to settle");
    return `kill -9 x${kills}; ${line}`;
  } finally {
    clearInterval(killer);
  }
}

async function postgres(meta: FakeGraphApi, workers: Workers[]) {
  const { automation } = await startSendAndWait(RUNS, 30, "+3937200");
  await waitUntil(async () => meta.sends.length >= RUNS / 4, "a quarter of the sends", 10 * 60_000, 500);
  await server.stop();
  await sleep(5_000);
  server = await startPostgres(`bench-faults`, pgPort);
  const alive = workers.flatMap((w) => w.processes).filter((p) => p.exitCode === null && p.signalCode === null).length;
  return `Postgres down 5 s; workers alive ${alive}/3; ${await settle(automation.id, RUNS, meta, "the restart load to settle")}`;
}

async function outage(meta: FakeGraphApi) {
  const total = Math.min(RUNS, 1_000);
  meta.setMode({ kind: "error", status: 500, code: 1, title: "An unknown error occurred" });
  const { automation } = await startSendAndWait(total, 600, "+3937300");
  for (const mode of [{ kind: "error", status: 500, code: 1 }, { kind: "hang" }, { kind: "error", status: 429, code: 130429, title: "Rate limit hit" }] as const) {
    meta.setMode(mode);
    await sleep(60_000);
  }
  const refused = meta.attempts;
  meta.setMode({ kind: "ok" });
  const began = Date.now();
  await waitUntil(async () => (await db().message.count({ where: { run: { automationId: automation.id }, status: "pending" } })) === 0, "every send after the outage", 30 * 60_000, 500);
  const distinct = new Set(meta.sends.map((s) => s.callbackData)).size;
  const ok = distinct === total && meta.duplicates().length === 0 && meta.sends.length === total;
  if (!ok) failed = true;
  return `${ok ? "ok" : "NOT OK"}; 3 minutes of 500 / timeouts / 429 (${refused} attempts failed); sent ${distinct}/${total}, sent twice ${meta.duplicates().length}, all out ${Math.round((Date.now() - began) / 1000)} s after it ended`;
}

async function webhook(meta: FakeGraphApi) {
  const one: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await meta.postInbound({ from: `39374${String(i).padStart(7, "0")}`, text: "hi" });
    one.push(performance.now() - started);
  }
  const timings: number[] = [];
  const total = 2_000;
  for (let i = 0; i < total; i += 20) {
    await Promise.all(Array.from({ length: 20 }, async (_, j) => {
      const started = performance.now();
      await meta.postInbound({ from: `39373${String(i + j).padStart(7, "0")}`, text: "hi" });
      timings.push(performance.now() - started);
    }));
  }
  return `one at a time (200): answered p50 ${percentile(one, 50).toFixed(1)} ms, p99 ${percentile(one, 99).toFixed(1)} ms; ${total} deliveries 20 at a time: p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms (signature, parse, store, queue; processing is a job)`;
}
