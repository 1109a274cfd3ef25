import { z } from "zod";
import { QUEUES, boss } from "../queue.ts";
import type { Tx } from "../sql.ts";
import { stopRuns } from "./cancel-run.ts";
import { applyContactOps, ContactLimitError } from "./contact-ops.ts";
import { enqueueRunSteps } from "./enqueue.ts";
import { openConversations } from "./open-conversations.ts";
import type { RunRef, Transition } from "./transition.ts";

export type Effect = { transition: Transition; contactId: string; seq: number };

/**
 * What the runs that won their guarded update do beyond their own rows, in the same
 * transaction: contact changes, webhook calls for the outbox, runs of other automations started
 * or cancelled. The contacts are locked by the caller (every path that moves runs locks them).
 */
export async function applyEffects(tx: Tx, effects: Effect[]): Promise<void> {
  await writeContactOps(tx, effects);
  await storeWebhookCalls(tx, effects);
  await startRuns(tx, effects);
  for (const effect of effects) for (const exit of effect.transition.exits ?? []) await exitRuns(tx, effect, exit.automationIds);
  await openConversations(tx, effects);
}

const contactRow = z.object({ id: z.string(), fields: z.record(z.string(), z.string()), tags: z.array(z.string()) });

/** Replays the winners' ops, in order, on the rows as stored (not on what memory guessed). */
async function writeContactOps(tx: Tx, effects: Effect[]): Promise<void> {
  const withOps = effects.filter((e) => (e.transition.contactOps?.length ?? 0) > 0);
  if (withOps.length === 0) return;
  const rows = await tx.sql`SELECT id, fields, tags FROM "Contact" WHERE id = ANY(${[...new Set(withOps.map((e) => e.contactId))]}::text[])`;
  const contacts = new Map(rows.map((row) => contactRow.parse(row)).map((c) => [c.id, { fields: c.fields, tags: c.tags }]));
  for (const { contactId, transition } of withOps) {
    const current = contacts.get(contactId);
    if (!current) continue;
    try {
      contacts.set(contactId, applyContactOps(current, transition.contactOps ?? []));
    } catch (error) {
      // The run already failed in memory on the same limit; this only keeps the row within it.
      if (!(error instanceof ContactLimitError)) throw error;
    }
  }
  await tx.sql`
    UPDATE "Contact" c SET fields = x.fields, tags = x.tags
    FROM json_to_recordset(${JSON.stringify([...contacts].map(([id, data]) => ({ id, ...data })))}::json) AS x(id text, fields jsonb, tags text[])
    WHERE c.id = x.id`;
}

async function storeWebhookCalls(tx: Tx, effects: Effect[]): Promise<void> {
  const calls = effects.flatMap(({ transition, seq }) => (transition.webhookCall ? [{ runId: transition.run.id, runSeq: seq, ...transition.webhookCall }] : []));
  if (calls.length === 0) return;
  const stored = await tx.sql<{ id: string; runId: string }>`
    INSERT INTO "WebhookCall" (id, "runId", "runSeq", "nodeId", attempt, attempts, key, request)
    SELECT gen_random_uuid()::text, c."runId", c."runSeq", c."nodeId", c.attempt, c.attempts, c.key, c.request
    FROM json_to_recordset(${JSON.stringify(calls)}::json) AS c("runId" text, "runSeq" int, "nodeId" text, attempt int, attempts int, key text, request jsonb)
    RETURNING id, "runId"`;
  await enqueueWebhookCalls(tx, stored);
}

/** The call job; its id is the call's, so a call is queued once (the sweeper re-queues under a new id). */
export async function enqueueWebhookCalls(tx: Tx, calls: { id: string; runId: string }[], reuseIds = true): Promise<void> {
  if (calls.length === 0) return;
  const jobs = calls.map((c) => ({ ...(reuseIds ? { id: c.id } : {}), data: { callId: c.id, runIds: [c.runId] } }));
  await (await boss()).insert(QUEUES.webhookCall, jobs, { db: tx.boss });
}

/** New runs of the target's latest published version, from its trigger; none if nothing is published. */
async function startRuns(tx: Tx, effects: Effect[]): Promise<void> {
  const starts = effects.flatMap(({ transition, contactId }) => (transition.starts ?? []).map((s) => ({ contactId, ...s })));
  if (starts.length === 0) return;
  const runs = await tx.sql<{ id: string }>`
    -- The simulator's contact starts test runs: they stay out of the target's stats and lists too.
    INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", "currentNodeId", "replyWatermark", seq, depth, test)
    SELECT gen_random_uuid()::text, c."workspaceId", s."automationId", v.id, s."contactId", NULL, c."messageSeq", 0, s.depth, c.test
    FROM json_to_recordset(${JSON.stringify(starts)}::json) AS s("contactId" text, "automationId" text, depth int)
    JOIN "Contact" c ON c.id = s."contactId"
    -- Only an automation of the contact's own workspace (publishing checks it too).
    JOIN "Automation" a ON a.id = s."automationId" AND a."workspaceId" = c."workspaceId"
    JOIN LATERAL (
      SELECT v.id FROM "AutomationVersion" v WHERE v."automationId" = s."automationId" AND v.version > 0 ORDER BY v.version DESC LIMIT 1
    ) v ON true
    RETURNING id`;
  await enqueueRunSteps(tx, runs.map((r) => ({ runId: r.id, lane: "interactive" })));
}

/** Cancels the contact's other active runs, each with a history row naming the step that did it. */
async function exitRuns(tx: Tx, { transition, contactId }: Effect, automationIds: string[] | null): Promise<void> {
  const others = await tx.sql<RunRef & { currentNodeId: string | null }>`
    SELECT id, status, seq, "currentNodeId" FROM "Run"
    WHERE "contactId" = ${contactId} AND id <> ${transition.run.id} AND status IN ('running', 'waiting')
      AND (${automationIds}::text[] IS NULL OR "automationId" = ANY(${automationIds}::text[]))`;
  await stopRuns(tx, others, "cancelled", `The contact exited this automation (Exit automations in run ${transition.run.id})`);
}
