import { z } from "zod";
import { currentAccess } from "../auth/scope.ts";
import { getAutomation, runnableGraph } from "../automations/automations.ts";
import { graphSchema } from "../flow/graph.ts";
import { notifyLive } from "../live/notify.ts";
import { stopRuns } from "../engine/cancel-run.ts";
import { enqueueRunSteps } from "../engine/enqueue.ts";
import type { RunRef } from "../engine/transition.ts";
import { withTx } from "../engine/with-tx.ts";
import { lockTestContact, testContactKey } from "./test-contact.ts";

export const testRunInput = z.object({ graph: graphSchema }).strict();

export type TestRun = { runId: string; version: number; contactKey: string };

/**
 * "Test" in the editor: freezes the draft as it is on screen (saved or not) as a test version
 * (numbered -1, -2...: see lib/automations/published.ts), and starts it for the person's test
 * contact, whose earlier test runs are cancelled. The draft must pass the same checks as a
 * publish (422 with the issues). Test runs are flagged, so no stats, list or real contact sees them.
 */
export async function startTestRun(automationId: string, input: z.infer<typeof testRunInput>): Promise<TestRun> {
  const { workspaceId, actor } = currentAccess();
  await getAutomation(automationId); // 404 outside the workspace, before the graph is judged
  const graph = await runnableGraph(automationId, input.graph, "testing");
  return withTx(async (tx) => {
    // The automation's row lock orders concurrent tests (and their version numbers).
    await tx.sql`SELECT 1 FROM "Automation" WHERE id = ${automationId} FOR UPDATE`;
    const [version] = await tx.sql<{ id: string; version: number }>`
      INSERT INTO "AutomationVersion" (id, "automationId", version, graph)
      SELECT gen_random_uuid()::text, ${automationId}, LEAST(COALESCE(min(version), 0), 0) - 1, ${JSON.stringify(graph)}::jsonb
      FROM "AutomationVersion" WHERE "automationId" = ${automationId}
      RETURNING id, version`;
    const contact = await lockTestContact(tx, workspaceId, actor);
    const earlier = await tx.sql<RunRef & { currentNodeId: string | null }>`
      SELECT id, status, seq, "currentNodeId" FROM "Run" WHERE "contactId" = ${contact.id} AND status IN ('running', 'waiting')`;
    await stopRuns(tx, earlier, "cancelled", "A new test started");
    // From the trigger (seq 0, no node yet), like a run started by another automation.
    const [run] = await tx.sql<{ id: string }>`
      INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", "currentNodeId", "replyWatermark", seq, test)
      VALUES (gen_random_uuid()::text, ${workspaceId}, ${automationId}, ${version!.id}, ${contact.id}, NULL, ${contact.messageSeq}, 0, true)
      RETURNING id`;
    await enqueueRunSteps(tx, [{ runId: run!.id, lane: "interactive" }]);
    await notifyLive(tx, [{ workspaceId, topic: "runs", automationIds: [automationId], ids: [run!.id] }]);
    return { runId: run!.id, version: version!.version, contactKey: testContactKey(actor) };
  });
}
