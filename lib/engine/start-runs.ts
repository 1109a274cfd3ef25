import { fromPrisma } from "pg-boss";
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
    const automation = await tx.automation.findFirst({
      where: { id: automationId, workspaceId: DEFAULT_WORKSPACE_ID },
      select: { versions: { select: { id: true }, orderBy: { version: "desc" }, take: 1 } },
    });
    if (!automation) throw notFound("Automation");
    const version = automation.versions[0];
    if (!version) throw new AppError("conflict", "Publish the automation before starting runs");
    const graph = await loadVersionGraph(tx, version.id);
    // A run's watermark starts at the contact's current message count: older replies don't count.
    const runs = await tx.$queryRaw<StartedRun[]>`
      WITH input AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(contacts)}::json) AS x(phone text, name text)
      ), contact AS (
        INSERT INTO "Contact" (id, "workspaceId", phone, name)
        SELECT gen_random_uuid()::text, ${DEFAULT_WORKSPACE_ID}, phone, name FROM input
        ON CONFLICT ("workspaceId", phone) DO UPDATE SET name = COALESCE(EXCLUDED.name, "Contact".name)
        RETURNING id, phone, "messageSeq"
      ), run AS (
        INSERT INTO "Run" (id, "automationId", "versionId", "contactId", "currentNodeId", "replyWatermark")
        SELECT gen_random_uuid()::text, ${automationId}, ${version.id}, contact.id, ${graph.trigger.id}, contact."messageSeq"
        FROM contact
        RETURNING id, "contactId"
      )
      SELECT run.id, run."contactId", contact.phone FROM run JOIN contact ON contact.id = run."contactId"`;
    const byPhone = new Map(runs.map((run) => [run.phone, run]));
    const ordered = contacts.flatMap(({ phone }) => byPhone.get(phone) ?? []);
    const jobs = ordered.map((run) => ({ data: { runId: run.id } }));
    await (await boss()).insert(QUEUES.runStep, jobs, { db: fromPrisma(tx) });
    return ordered;
  });
}
