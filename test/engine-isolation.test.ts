import { afterEach, describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { QUEUES } from "../lib/queue.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, runOf, waitForStatus, withData } from "./helpers/scenario.ts";
import { waitFor } from "./helpers/wait-for.ts";

setupTestEnvironment({ workers: 1 });
const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });

/** Makes one run's writes fail inside the database, as a corrupt row or a bug would. */
async function breakRun(runId: string, table: "RunStep" | "Message", when: string) {
  // runId is a uuid we generated: safe to inline in the function body.
  await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_break() RETURNS trigger AS $$
    BEGIN IF NEW."runId" = '${runId}' AND ${when} THEN RAISE EXCEPTION 'broken run'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db().$executeRawUnsafe(`CREATE TRIGGER test_break BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_break()`);
}
afterEach(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_break ON "RunStep"`);
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_break ON "Message"`);
});

describe("one inconsistent run never blocks a contact's reply", () => {
  it("stores the message and moves the contact's other runs when one run is not where its wait says", async () => {
    const [a, b] = [await publishedAutomation(oneHour(), "A"), await publishedAutomation(oneHour(), "B")];
    const [runA] = await startRuns(a.id, [{ phone: "+393337000001" }]);
    const [runB] = await startRuns(b.id, [{ phone: "+393337000001" }]);
    await waitForStatus(runA!.id, ["waiting"]);
    await waitForStatus(runB!.id, ["waiting"]);
    await db().$executeRaw`UPDATE "Run" SET seq = seq + 5 WHERE id = ${runA!.id}`; // out of step with its wait

    const result = await receiveInbound({ from: "+393337000001", text: "yes", providerMessageId: "wamid.iso-1" });
    expect(result).toMatchObject({ duplicate: false, completedWaits: 1 });
    await waitForStatus(runB!.id, ["completed"]);
    expect(await outboundTexts(runB!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: yes"]);
    const stuck = await runOf(runA!.id);
    expect(stuck.status).toBe("waiting");
    expect(stuck.waits[0]!.status).toBe("pending");
  });
});

describe("a reply's runs go on in its own transaction", () => {
  it("and if that fails, the message and the completed wait stay, and the run goes to the interactive lane", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393337000003" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await breakRun(run!.id, "Message", "NEW.direction = 'outbound'"); // its next message cannot be written

    const result = await receiveInbound({ from: "+393337000003", text: "yes" });
    expect(result).toMatchObject({ duplicate: false, completedWaits: 1 });
    const after = await runOf(run!.id);
    expect(after.waits[0]).toMatchObject({ status: "completed", completedBy: "reply", outcome: "replied" });
    expect(after.steps.at(-1)).toMatchObject({ type: "customerResponse", outcome: "replied", by: "reply" });
    const inbound = await db().message.count({ where: { contactId: run!.contactId, direction: "inbound" } });
    expect(inbound).toBe(1);
    const queued = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.runStep} AND state < 'completed' AND data->'runIds' ? ${run!.id}`;
    expect(queued[0]!.n).toBe(1);
  });

  it("normally the next message is written with the reply", async () => {
    const automation = await publishedAutomation(oneHour());
    const [run] = await startRuns(automation.id, [{ phone: "+393337000004" }]);
    await waitForStatus(run!.id, ["waiting"]);
    await receiveInbound({ from: "+393337000004", text: "sure" });
    // No worker needed: the reply's own transaction took the run to its end.
    const done = await runOf(run!.id);
    expect(done.status).toBe("completed");
    expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: sure"]);
  });
});

describe("one failing item fails only its own job", () => {
  it("timeouts due together: the others take noResponse on their first attempt", async () => {
    const automation = await publishedAutomation(oneHour());
    const runs = await startRuns(automation.id, Array.from({ length: 30 }, (_, i) => ({ phone: `+3933370001${String(i).padStart(2, "0")}` })));
    await waitFor(async () => (await db().run.count({ where: { automationId: automation.id, status: "waiting" } })) === 30, { what: "30 waiting runs" });
    const bad = runs[7]!.id;
    await breakRun(bad, "RunStep", `NEW.outcome = 'noResponse'`);
    // All due at the same instant, so one worker fetches them in one batch.
    await db().$executeRaw`
      WITH due AS (SELECT now() + interval '2 seconds' AS at),
      waits AS (UPDATE "Wait" w SET "timeoutAt" = due.at FROM due, "Run" r WHERE r.id = w."runId" AND r."automationId" = ${automation.id} RETURNING w.id)
      UPDATE pgboss.job j SET start_after = due.at FROM due, waits WHERE j.name = ${QUEUES.waitTimeout} AND j.id = waits.id::uuid`;

    const innocents = runs.filter((r) => r.id !== bad);
    await waitFor(async () => (await db().run.count({ where: { id: { in: innocents.map((r) => r.id) }, status: "completed" } })) === 29, { what: "29 completed runs" });
    // Each job is settled just after its run's transaction commits: wait for all 29.
    const timerJobs = () => db().$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT j.state::text, j.retry_count FROM pgboss.job j JOIN "Wait" w ON w.id = j.id::text
      WHERE j.name = ${QUEUES.waitTimeout} AND w."runId" = ANY(${innocents.map((r) => r.id)}::text[]) AND j.state <> 'active'`;
    const settled = await waitFor(async () => { const jobs = await timerJobs(); return jobs.length === 29 && jobs; }, { what: "29 settled timer jobs" });
    expect(settled.map((j) => [j.state, j.retry_count])).toEqual(Array(29).fill(["completed", 0]));
    await waitFor(async () => (await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job j JOIN "Wait" w ON w.id = j.id::text WHERE w."runId" = ${bad} AND j.retry_count > 0`)[0]!.n === 1, { what: "the broken run's timer to be retried" });
    expect((await runOf(bad)).status).toBe("waiting");
  });

  it("a bulk start: the other runs of the job reach their wait, once each", async () => {
    const automation = await publishedAutomation(oneHour());
    const contacts = Array.from({ length: 60 }, (_, i) => ({ phone: `+3933370002${String(i).padStart(2, "0")}` }));
    // Break the run of the 13th contact before any worker can reach it: its run id is known
    // only after the start, so match on the message text a worker would write for it instead.
    await breakRunByPhone(contacts[12]!.phone);
    const runs = await startRuns(automation.id, contacts);
    const bad = runs[12]!.id;
    await waitFor(async () => (await db().run.count({ where: { automationId: automation.id, status: "waiting" } })) === 59, { what: "59 waiting runs" });
    expect((await runOf(bad)).status).toBe("running");
    const steps = await db().runStep.groupBy({ by: ["runId"], where: { run: { automationId: automation.id }, NOT: { runId: bad } }, _count: true });
    expect(steps.map((s) => s._count)).toEqual(Array(59).fill(3)); // trigger, send, wait: nothing twice
  });
});

/** Like breakRun, for a run not started yet: fails the outbound message to one phone. */
async function breakRunByPhone(phone: string) {
  await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_break() RETURNS trigger AS $$
    BEGIN IF NEW.direction = 'outbound' AND NEW."contactId" = (SELECT id FROM "Contact" WHERE phone = '${phone}') THEN RAISE EXCEPTION 'broken run'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db().$executeRawUnsafe(`CREATE TRIGGER test_break BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION test_break()`);
}
