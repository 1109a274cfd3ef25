import { expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, publishedAutomation, waitForNone, withData } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";

const RUNS = 650;
const BATCHES = 30;
const WINDOW_MS = 200;

// Three worker processes compete for the timeout jobs while replies land around each deadline.
setupTestEnvironment({ workers: 3, env: { DB_POOL_SIZE: "20" } });

it(`replies within ±${WINDOW_MS} ms of their deadline: exactly one outcome and one follow-up per run`, async () => {
  const automation = await publishedAutomation(withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 15, unit: "seconds" } } }));
  const phones = Array.from({ length: RUNS }, (_, i) => `+3934${String(i).padStart(8, "0")}`);
  // Started in batches so deadlines spread over seconds: two cores can then deliver each reply
  // close to the moment it is aimed at, on both sides of its deadline. The last batch waits
  // long before the first deadline (15 s timeout, 9 s of starts), so every reply is scheduled in time.
  const runs = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch = phones.slice((b * RUNS) / BATCHES, ((b + 1) * RUNS) / BATCHES);
    runs.push(...(await startRuns(automation.id, batch.map((phone) => ({ phone })))));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const phoneByRun = new Map(runs.map((r) => [r.id, r.phone]));

  const waits = await waitFor(
    async () => {
      const rows = await db().wait.findMany({ where: { run: { automationId: automation.id } }, select: { runId: true, timeoutAt: true } });
      return rows.length === RUNS ? rows : undefined;
    },
    { what: "every run to be waiting" },
  );

  // Schedule each reply on the database clock: deadline + uniform(-200, +200) ms.
  const [{ now }] = (await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
  const offset = now.getTime() - Date.now();
  const intended = new Map<string, number>();
  await Promise.all(
    waits.map(({ runId, timeoutAt }) => {
      const replyAt = timeoutAt.getTime() + (Math.random() * 2 - 1) * WINDOW_MS;
      intended.set(runId, replyAt);
      const delay = Math.max(0, replyAt - (Date.now() + offset));
      return new Promise<void>((resolve, reject) =>
        setTimeout(() => receiveInbound({ from: phoneByRun.get(runId)!, text: "yes" }).then(() => resolve(), reject), delay),
      );
    }),
  );
  await waitForNone(automation.id, ["running", "waiting"]);

  const finished = await db().run.findMany({
    where: { automationId: automation.id },
    select: {
      id: true, status: true,
      steps: { where: { outcome: { not: null } }, select: { outcome: true } },
      waits: { select: { timeoutAt: true, completedBy: true, outcome: true } },
      messages: { where: { direction: "outbound" }, orderBy: { contactSeq: "asc" }, select: { text: true } },
      contact: { select: { messages: { where: { direction: "inbound" }, select: { at: true } } } },
    },
  });
  const outcomes = { replied: 0, noResponse: 0 };
  // What counts is when each reply really landed, by the database clock.
  const landed = finished.map((r) => r.contact.messages[0]!.at.getTime() - r.waits[0]!.timeoutAt.getTime());
  const inWindow = landed.filter((ms) => Math.abs(ms) <= WINDOW_MS).length;
  const lags = finished.map((r) => r.contact.messages[0]!.at.getTime() - intended.get(r.id)!).sort((a, b) => a - b);
  console.log(`replies within ±${WINDOW_MS} ms: ${inWindow}/${RUNS}; delivery lag p50=${lags[lags.length >> 1]} ms, max=${lags.at(-1)} ms`);
  expect(inWindow).toBeGreaterThanOrEqual(500);
  for (const run of finished) {
    expect(run.status).toBe("completed");
    expect(run.steps).toHaveLength(1); // exactly one outcome
    const outcome = run.steps[0]!.outcome as "replied" | "noResponse";
    outcomes[outcome]++;
    expect(run.waits).toHaveLength(1);
    const [wait] = run.waits;
    expect(wait!.outcome).toBe(outcome);
    expect(wait!.completedBy).toBe(outcome === "replied" ? "reply" : "timeout");
    // The winner is the one the database clock says was first: a reply stamped before the
    // deadline wins, one stamped at or after it loses to the timeout.
    const replyAt = run.contact.messages[0]!.at.getTime();
    expect(outcome).toBe(replyAt < wait!.timeoutAt.getTime() ? "replied" : "noResponse");
    // Exactly one follow-up message, on the path taken.
    expect(run.messages.map((m) => m.text)).toEqual([
      "Hi there, shall we activate your plan?",
      outcome === "replied" ? "Thanks! You said: yes" : "Reminder: reply YES to activate",
    ]);
  }
  console.log(`race outcomes: ${JSON.stringify(outcomes)}`);
  // Both sides must have won often, or the test did not exercise the race.
  expect(outcomes.replied).toBeGreaterThan(RUNS / 10);
  expect(outcomes.noResponse).toBeGreaterThan(RUNS / 10);
}, 120_000);
