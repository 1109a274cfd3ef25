import { expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { QUEUES } from "../lib/queue.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fixture, outboundTexts, publishedAutomation, waitForNone, waitForStatus, withData } from "./helpers/scenario.ts";

// One slot per queue: with a shared queue the reply would wait for the whole campaign.
setupTestEnvironment({ workers: 1, env: { WORKER_CONCURRENCY: "1" } });
const oneHour = () => withData(fixture("reply-or-remind"), { wait: { timeout: { amount: 1, unit: "hours" } } });

it("a reply moves its run at once while a campaign start is still draining in the bulk lane", async () => {
  const conversation = await publishedAutomation(oneHour(), "Conversation");
  const campaign = await publishedAutomation(oneHour(), "Campaign");
  const [run] = await startRuns(conversation.id, [{ phone: "+393338000001" }]);
  await waitForStatus(run!.id, ["waiting"]);

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

  await receiveInbound({ from: "+393338000001", text: "yes" });
  await waitForStatus(run!.id, ["completed"]);
  await waitForNone(campaign.id, ["running"], 120_000);
  // Database clock: the reply's run finished before the campaign's last run reached its wait.
  const [order] = await db().$queryRaw<{ replyDone: Date; campaignDone: Date }[]>`
    SELECT (SELECT max(at) FROM "RunStep" WHERE "runId" = ${run!.id}) AS "replyDone",
      (SELECT max(w."createdAt") FROM "Wait" w JOIN "Run" r ON r.id = w."runId" WHERE r."automationId" = ${campaign.id}) AS "campaignDone"`;
  expect(order!.replyDone.getTime()).toBeLessThan(order!.campaignDone.getTime());
  expect(await outboundTexts(run!.id)).toEqual(["Hi there, shall we activate your plan?", "Thanks! You said: yes"]);
}, 180_000);
