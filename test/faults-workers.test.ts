import { describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fakeMeta } from "./helpers/fake-meta.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { loadOutcome, startSendAndWait } from "./helpers/whatsapp-load.ts";
import { startWorkers, type Workers } from "./helpers/workers.ts";

// Faults of the workers themselves, counted at the fake Graph API: kill -9 in the middle of
// sends and waits, and SIGTERM with sends in flight. (The long version: bench/faults.ts.)
const fake = await fakeMeta("2000002");
const env = {
  ...fake.env,
  // A killed worker's jobs come back within seconds; a send's claim outlasts that, and the time a
  // status webhook takes to say the send went out.
  JOB_EXPIRE_SECONDS: "5",
  SUPERVISE_INTERVAL_SECONDS: "1",
  WHATSAPP_SEND_LEASE_SECONDS: "12",
  WHATSAPP_SEND_TIMEOUT_MS: "3000",
  WHATSAPP_SEND_DOUBT_SECONDS: "5",
  SWEEP_INTERVAL_SECONDS: "2",
  SWEEP_GRACE_SECONDS: "5",
  STOP_GRACE_MS: "3000",
};
const environment = setupTestEnvironment({ workers: 1, env });


const stuck = (automationId: string) => db().run.count({ where: { automationId, status: { in: ["running", "waiting"] } } });

describe("worker faults", () => {
  it("a worker killed with -9 every 3 s while 600 runs send and wait: nothing lost, nothing sent twice, nothing stuck", async () => {
    fake.meta().reset();
    fake.meta().setMode({ kind: "slow", delayMs: 40 }); // sends in flight when the kill lands
    const extra: Workers[] = [await startWorkers(2, env)];
    const { automation, runs } = await startSendAndWait(600, 15, "+3936100");
    // Half of the contacts answer while workers keep dying.
    const replies = runs.filter((_, i) => i % 2 === 0);
    let kills = 0;
    const killer = setInterval(() => {
      const victim = extra.at(-1)!;
      victim.kill(0);
      kills += 1;
      void startWorkers(1, env).then((w) => extra.push(w));
    }, 3_000);
    try {
      await fake.meta().waitForSends(300, 60_000);
      for (const run of replies) await fake.meta().postInbound({ from: run.phone.slice(1), text: "Yes" });
      await waitFor(async () => (await stuck(automation.id)) === 0, { timeoutMs: 150_000, intervalMs: 1_000, what: "every run to end" });
      await waitFor(async () => (await db().message.count({ where: { run: { automationId: automation.id }, status: "pending" } })) === 0, { timeoutMs: 60_000, intervalMs: 1_000, what: "every message sent" });
    } finally {
      clearInterval(killer);
      await Promise.all(extra.map((w) => w.stop()));
    }
    const outcome = await loadOutcome(automation.id);
    console.log(`[faults] kill -9 x${kills}: runs ${JSON.stringify(outcome.runs)}, messages ${JSON.stringify(outcome.messages)}, sends ${fake.meta().sends.length}, attempts ${fake.meta().attempts}, duplicates ${fake.meta().duplicates().length}`);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(outcome.runs).toEqual({ completed: 600 });
    expect(fake.meta().duplicates()).toEqual([]);
    expect(new Set(fake.meta().sends.map((s) => s.callbackData)).size).toBe(600);
    expect(fake.meta().sends).toHaveLength(600);
    expect(outcome.messages.pending ?? 0).toBe(0);
    // Each wait ended by the rule: replied exactly when the contact's reply was stamped before
    // the deadline (replies posted while workers die may land on either side of it).
    const waits = await db().$queryRaw<{ completedBy: string; before: boolean; replies: bigint }[]>`
      SELECT w."completedBy"::text AS "completedBy",
        EXISTS (SELECT 1 FROM "Message" m WHERE m."contactId" = w."contactId" AND m.direction = 'inbound' AND m.at < w."timeoutAt") AS before,
        (SELECT count(*) FROM "Message" m WHERE m."contactId" = w."contactId" AND m.direction = 'inbound') AS replies
      FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = ${automation.id}`;
    expect(waits).toHaveLength(600);
    expect(waits.filter((w) => (w.completedBy === "reply") !== w.before)).toEqual([]);
    expect(waits.filter((w) => w.replies > 1n)).toEqual([]);
    expect(waits.filter((w) => w.replies === 1n)).toHaveLength(300);
  }, 180_000);

  it("SIGTERM with sends in flight: the worker exits within its bound and hands the sends back; each goes out once", async () => {
    fake.meta().reset();
    fake.meta().setMode({ kind: "slow", delayMs: 6_000 }); // longer than the stop grace: sends are in flight
    await environment.workers.stop(); // only the worker under test takes the jobs
    const [victim] = (await startWorkers(1, env)).processes;
    const { automation } = await startSendAndWait(20, 30, "+3936200");
    await waitFor(async () => fake.meta().attempts >= 5 || undefined, { timeoutMs: 20_000, what: "sends in flight" });
    const stoppedAt = Date.now();
    victim!.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => victim!.once("exit", resolve));
    const stopMs = Date.now() - stoppedAt;
    fake.meta().setMode({ kind: "ok" });
    const others = await startWorkers(1, env);
    try {
      await waitFor(async () => (await db().message.count({ where: { run: { automationId: automation.id }, status: "pending" } })) === 0, { timeoutMs: 60_000, what: "every message sent" });
    } finally {
      await others.stop();
    }
    console.log(`[faults] SIGTERM: exited with ${code} after ${stopMs} ms; sends ${fake.meta().sends.length}, attempts ${fake.meta().attempts}, duplicates ${fake.meta().duplicates().length}`);
    expect(code).toBe(0);
    expect(stopMs).toBeLessThan(3_000 + 2_500);
    // A send the fake accepted after the worker gave up on it is the one double Meta's API
    // cannot rule out; the hand-back keeps them to sends in flight at the deadline.
    expect(new Set(fake.meta().sends.map((s) => s.callbackData)).size).toBe(20);
  }, 180_000);
});
