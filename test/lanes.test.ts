import { expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { QUEUES } from "../lib/queue.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, waitForNone, waitForStatus, withData } from "./helpers/scenario.ts";

// One slot per queue: with a shared queue, work started after the campaign would wait for it all.
setupTestEnvironment({ workers: 1, env: { WORKER_CONCURRENCY: "1" } });
const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });

it("interactive work moves at once while a campaign start is still draining in the bulk lane", async () => {
  const conversation = await publishedAutomation(oneHour(), "Conversation");
  const campaign = await publishedAutomation(oneHour(), "Campaign");
  const [replying] = await startRuns(conversation.id, [{ phone: "+393338000001" }]);
  await waitForStatus(replying!.id, ["waiting"]);

  const CONTACTS = 10_000;
  const progress: number[] = [];
  await startRuns(campaign.id, Array.from({ length: CONTACTS }, (_, i) => ({ phone: `+39333801${String(i).padStart(5, "0")}` })), {
    onProgress: (started) => progress.push(started),
  });
  // Streamed in chunks of 1,000, one transaction each, on the bulk lane's queue.
  expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 1000));
  const queues = await db().$queryRaw<{ name: string; runs: number }[]>`
    SELECT name, sum(jsonb_array_length(data->'runIds'))::int AS runs FROM pgboss.job WHERE name IN (${QUEUES.runStep}, ${QUEUES.runStepBulk}) GROUP BY name ORDER BY name`;
  expect(queues).toEqual([{ name: QUEUES.runStep, runs: 1 }, { name: QUEUES.runStepBulk, runs: CONTACTS }]);

  // A run started by someone at a screen goes through the interactive lane's queue.
  const [manual] = await startRuns(conversation.id, [{ phone: "+393338000002" }]);
  // A reply takes its run on in its own transaction, queue or no queue.
  await receiveInbound({ from: "+393338000001", text: "yes" });
  await waitForStatus(manual!.id, ["waiting"]);
  await waitForStatus(replying!.id, ["completed"]);
  await waitForNone(campaign.id, ["running"], 120_000);
  // Database clock: both finished before the campaign's last run reached its wait.
  const [order] = await db().$queryRaw<{ manualDone: Date; replyDone: Date; campaignDone: Date }[]>`
    SELECT (SELECT max(at) FROM "RunStep" WHERE "runId" = ${manual!.id}) AS "manualDone",
      (SELECT max(at) FROM "RunStep" WHERE "runId" = ${replying!.id}) AS "replyDone",
      (SELECT max(w."createdAt") FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = ${campaign.id}) AS "campaignDone"`;
  expect(order!.manualDone.getTime()).toBeLessThan(order!.campaignDone.getTime());
  expect(order!.replyDone.getTime()).toBeLessThan(order!.campaignDone.getTime());
  expect(await outboundTexts(replying!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: yes"]);
}, 180_000);
