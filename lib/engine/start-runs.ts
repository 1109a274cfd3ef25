import { z } from "zod";
import { ENTERED } from "../stats/counter-keys.ts";
import { phoneSchema } from "../phone.ts";
import { AppError, notFound } from "../errors.ts";
import type { Tx } from "../sql.ts";
import { scopedWorkspaceId } from "../auth/scope.ts";
import { enqueueRunSteps, type Lane } from "./enqueue.ts";
import { chunks } from "./isolate.ts";
import { loadVersionGraph } from "./version-graph.ts";
import { withTx } from "./with-tx.ts";

export type ContactInput = { phone: string; name?: string };
export type StartedRun = { id: string; contactId: string; phone: string };
export type StartOptions = { onProgress?: (started: number, total: number) => void };

/** Contacts per transaction of a start: short locks, steady progress, work for the workers at once. */
export const START_CHUNK = 1000;
/** Starts up to this size are someone waiting at a screen: they take the interactive lane. */
export const INTERACTIVE_START_LIMIT = 20;

/**
 * Starts the latest published version of an automation for each contact (created on first
 * sight). A large start streams: one transaction per chunk of contacts, each committing its
 * runs, their trigger step and their step jobs, so workers begin on the first chunk while the
 * next is written and no transaction holds more than a chunk's locks. Every run is pinned to the
 * version read at the start. Small starts go to the interactive lane, campaigns to the bulk lane.
 */
/** The body of POST /api/automations/:id/runs. */
export const startRunsInput = z.object({
  contacts: z
    .array(z.object({ phone: phoneSchema, name: z.string().trim().min(1).max(120).optional() }))
    .min(1, "Give at least one contact")
    .max(10_000, "At most 10,000 contacts per request"),
});

export async function startRuns(automationId: string, contacts: ContactInput[], options: StartOptions = {}): Promise<StartedRun[]> {
  const seen = new Set<string>();
  for (const { phone } of contacts) {
    if (seen.has(phone)) throw new AppError("bad_request", `Phone ${phone} is listed more than once`);
    seen.add(phone);
  }
  const { workspaceId, versionId, firstNodeId, triggerId } = await withTx((tx) => startingPoint(tx, automationId));
  const lane: Lane = contacts.length <= INTERACTIVE_START_LIMIT ? "interactive" : "bulk";
  const started: StartedRun[] = [];
  for (const chunk of chunks(contacts, START_CHUNK)) {
    started.push(...(await withTx((tx) => startChunk(tx, { workspaceId, automationId, versionId, firstNodeId, triggerId, lane }, chunk))));
    options.onProgress?.(started.length, contacts.length);
  }
  return started;
}

async function startingPoint(tx: Tx, automationId: string) {
  // In a request, only the caller's workspace's automations; runs and contacts take its workspace.
  const guard = scopedWorkspaceId();
  const [automation] = await tx.sql<{ workspaceId: string; versionId: string | null }>`
    SELECT a."workspaceId", (SELECT v.id FROM "AutomationVersion" v WHERE v."automationId" = a.id AND v.version > 0 ORDER BY v.version DESC LIMIT 1) AS "versionId"
    FROM "Automation" a WHERE a.id = ${automationId} AND (${guard}::text IS NULL OR a."workspaceId" = ${guard}::text)`;
  if (!automation) throw notFound("Automation");
  const { workspaceId, versionId } = automation;
  if (!versionId) throw new AppError("conflict", "Publish the automation before starting runs");
  const graph = await loadVersionGraph(tx, versionId);
  // The trigger does nothing but lead on, so runs start past it with its history row written
  // here, in bulk, saving every run a step. (Publishing guarantees the trigger's edge.)
  const first = graph.follow(graph.trigger.id, "default");
  if (!first) throw new AppError("conflict", "The published version has nothing after its Trigger");
  return { workspaceId, versionId, firstNodeId: first.id, triggerId: graph.trigger.id };
}

type Start = { workspaceId: string; automationId: string; versionId: string; firstNodeId: string; triggerId: string; lane: Lane };

async function startChunk(tx: Tx, start: Start, contacts: ContactInput[]): Promise<StartedRun[]> {
  // A run's watermark starts at the contact's current message count: older replies don't count.
  // Contacts are upserted in phone order, so two starts sharing contacts lock them in one order.
  const sorted = [...contacts].sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0));
  const runs = await tx.sql<StartedRun>`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(sorted)}::json) AS x(phone text, name text)
    ), contact AS (
      INSERT INTO "Contact" (id, "workspaceId", phone, name)
      SELECT gen_random_uuid()::text, ${start.workspaceId}, phone, name FROM input
      ON CONFLICT ("workspaceId", phone) DO UPDATE SET name = COALESCE(EXCLUDED.name, "Contact".name)
      RETURNING id, phone, "messageSeq"
    ), run AS (
      INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", "currentNodeId", "replyWatermark", seq)
      SELECT gen_random_uuid()::text, ${start.workspaceId}, ${start.automationId}, ${start.versionId}, contact.id, ${start.firstNodeId}, contact."messageSeq", 1
      FROM contact
      RETURNING id, "contactId"
    ), history AS (
      INSERT INTO "RunStep" ("runId", seq, "nodeId", type, at)
      SELECT run.id, 1, ${start.triggerId}, 'trigger', clock_timestamp() FROM run
    ), counted AS (
      -- The trigger's counters (lib/stats/counter-keys.ts), as applyTransitions counts every other step.
      INSERT INTO "NodeCount" ("versionId", "nodeId", handle, shard, count)
      SELECT ${start.versionId}, ${start.triggerId}, key, pg_backend_pid(), (SELECT count(*) FROM run)
      FROM unnest(${[ENTERED, "default"]}::text[]) AS key
      WHERE EXISTS (SELECT 1 FROM run)
      ON CONFLICT ("versionId", "nodeId", handle, shard) DO UPDATE SET count = "NodeCount".count + EXCLUDED.count
    )
    SELECT run.id, run."contactId", contact.phone FROM run JOIN contact ON contact.id = run."contactId"`;
  const byPhone = new Map(runs.map((run) => [run.phone, run]));
  const ordered = contacts.flatMap(({ phone }) => byPhone.get(phone) ?? []);
  await enqueueRunSteps(tx, ordered.map((run) => ({ runId: run.id, lane: start.lane })));
  return ordered;
}
