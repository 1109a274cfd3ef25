import { AppError, notFound } from "../errors.ts";
import { boss, QUEUES } from "../queue.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { loadVersionGraph } from "./version-graph.ts";
import { withTx } from "./with-tx.ts";

export type ContactInput = { phone: string; name?: string };
export type StartedRun = { id: string; contactId: string; phone: string };

/**
 * Starts the latest published version of an automation for each contact (created on first
 * sight): runs and their first step jobs in one transaction, in bulk.
 */
export async function startRuns(automationId: string, contacts: ContactInput[]): Promise<StartedRun[]> {
  const seen = new Set<string>();
  for (const { phone } of contacts) {
    if (seen.has(phone)) throw new AppError("bad_request", `Phone ${phone} is listed more than once`);
    seen.add(phone);
  }
  return withTx(async (tx) => {
    const [automation] = await tx.sql<{ versionId: string | null }>`
      SELECT (SELECT v.id FROM "AutomationVersion" v WHERE v."automationId" = a.id ORDER BY v.version DESC LIMIT 1) AS "versionId"
      FROM "Automation" a WHERE a.id = ${automationId} AND a."workspaceId" = ${DEFAULT_WORKSPACE_ID}`;
    if (!automation) throw notFound("Automation");
    const { versionId } = automation;
    if (!versionId) throw new AppError("conflict", "Publish the automation before starting runs");
    const graph = await loadVersionGraph(tx, versionId);
    // The trigger does nothing but lead on, so runs start past it with its history row written
    // here, in bulk, saving every run a transaction. (Publishing guarantees the trigger's edge.)
    const first = graph.follow(graph.trigger.id, "default");
    if (!first) throw new AppError("conflict", "The published version has nothing after its Trigger");
    // A run's watermark starts at the contact's current message count: older replies don't count.
    const runs = await tx.sql<StartedRun>`
      WITH input AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(contacts)}::json) AS x(phone text, name text)
      ), contact AS (
        INSERT INTO "Contact" (id, "workspaceId", phone, name)
        SELECT gen_random_uuid()::text, ${DEFAULT_WORKSPACE_ID}, phone, name FROM input
        ON CONFLICT ("workspaceId", phone) DO UPDATE SET name = COALESCE(EXCLUDED.name, "Contact".name)
        RETURNING id, phone, "messageSeq"
      ), run AS (
        INSERT INTO "Run" (id, "automationId", "versionId", "contactId", "currentNodeId", "replyWatermark", seq)
        SELECT gen_random_uuid()::text, ${automationId}, ${versionId}, contact.id, ${first.id}, contact."messageSeq", 1
        FROM contact
        RETURNING id, "contactId"
      ), history AS (
        INSERT INTO "RunStep" ("runId", seq, "nodeId", type, at)
        SELECT run.id, 1, ${graph.trigger.id}, 'trigger', clock_timestamp() FROM run
      )
      SELECT run.id, run."contactId", contact.phone FROM run JOIN contact ON contact.id = run."contactId"`;
    const byPhone = new Map(runs.map((run) => [run.phone, run]));
    const ordered = contacts.flatMap(({ phone }) => byPhone.get(phone) ?? []);
    await (await boss()).insert(QUEUES.runStep, ordered.map((run) => ({ data: { runId: run.id } })), { db: tx.boss });
    return ordered;
  });
}
