import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraphApi, type FakeGraphApi } from "../scripts/fake-meta/server.ts";
import { ensureDatabase, startPostgres, type PostgresServer } from "../scripts/postgres.ts";
import { db } from "../lib/db.ts";
import { applyMigrations } from "../lib/migrate.ts";
import { boss } from "../lib/queue.ts";
import { closePool } from "../lib/sql.ts";
import { freePort } from "./helpers/free-port.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver.ts";
import { loadOutcome, startSendAndWait } from "./helpers/whatsapp-load.ts";
import { startWorkers, type Workers } from "./helpers/workers.ts";

// Postgres restarted under load: a server of this file's own (the shared test server stays up),
// stopped and started again while 300 runs send and wait. (The long version: bench/faults.ts.)
const [pgPort, metaPort] = [await freePort(), await freePort()];
const env = {
  WHATSAPP_PHONE_NUMBER_ID: "3000003",
  WHATSAPP_ACCESS_TOKEN: "fake-token",
  WHATSAPP_APP_SECRET: "fake-secret",
  WHATSAPP_API_BASE: `http://127.0.0.1:${metaPort}/v26.0`,
  JOB_EXPIRE_SECONDS: "5",
  SUPERVISE_INTERVAL_SECONDS: "1",
  WHATSAPP_SEND_LEASE_SECONDS: "12",
  WHATSAPP_SEND_DOUBT_SECONDS: "5",
  SWEEP_INTERVAL_SECONDS: "2",
  SWEEP_GRACE_SECONDS: "5",
};

let server: PostgresServer;
let workers: Workers;
let meta: FakeGraphApi;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startPostgres(`faults-${pgPort}`, pgPort);
  await ensureDatabase(server.url("postgres"), "faults");
  process.env.DATABASE_URL = server.url("faults");
  Object.assign(process.env, env);
  await applyMigrations(process.env.DATABASE_URL);
  await boss();
  workers = await startWorkers(2, { ...env, DATABASE_URL: process.env.DATABASE_URL });
  receiver = await startWebhookReceiver();
  meta = await startFakeGraphApi({ port: metaPort, accessToken: "fake-token", appSecret: "fake-secret", webhookUrl: receiver.url });
}, 120_000);

afterAll(async () => {
  await workers?.stop();
  await meta?.close();
  await receiver?.close();
  await (await boss()).stop({ graceful: false }).catch(() => undefined);
  await Promise.all([db().$disconnect(), closePool()]);
  await server?.stop();
});

describe("Postgres restarted mid-load", () => {
  it("workers stay up, reconnect and finish everything: nothing lost, nothing sent twice", async () => {
    meta.setMode({ kind: "slow", delayMs: 20 });
    const { automation } = await startSendAndWait(300, 10, "+3936300");
    await meta.waitForSends(50, 30_000);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    server = await startPostgres(`faults-${pgPort}`, pgPort);
    const alive = workers.processes.filter((p) => p.exitCode === null && p.signalCode === null).length;
    await waitFor(async () => {
      try {
        const active = await db().run.count({ where: { automationId: automation.id, status: { in: ["running", "waiting"] } } });
        const pending = await db().message.count({ where: { run: { automationId: automation.id }, status: "pending" } });
        return active === 0 && pending === 0;
      } catch {
        return false; // the test's own connections reconnect too
      }
    }, { timeoutMs: 120_000, intervalMs: 1_000, what: "every run to end and every message to be sent" });
    const outcome = await loadOutcome(automation.id);
    console.log(`[faults] Postgres restart: workers alive ${alive}/2; runs ${JSON.stringify(outcome.runs)}, messages ${JSON.stringify(outcome.messages)}, sends ${meta.sends.length}, duplicates ${meta.duplicates().length}`);
    expect(alive).toBe(2);
    expect(workers.processes.every((p) => p.exitCode === null)).toBe(true);
    expect(outcome.runs).toEqual({ completed: 300 });
    expect(new Set(meta.sends.map((s) => s.callbackData)).size).toBe(300);
    expect(meta.duplicates()).toEqual([]);
  }, 180_000);
});
