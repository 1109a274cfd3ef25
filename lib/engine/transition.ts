import type { RunStatus, WaitCompletion, WaitKind } from "../generated/prisma/enums.ts";
import type { Tx } from "../sql.ts";
import type { ContactOp } from "./contact-ops.ts";
import type { OutboundSend, WebhookCallRequest } from "./decision.ts";
import { applyEffects } from "./effects.ts";
import { notifyLive } from "../live/notify.ts";
import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { countSteps } from "../metrics/record.ts";
import { enqueueRunSteps, enqueueSends, enqueueTimers, type Lane } from "./enqueue.ts";

export type RunRef = { id: string; status: RunStatus; seq: number };

export type HistoryEntry = {
  nodeId: string | null;
  type: string;
  outcome?: string;
  detail?: string;
  /** Who caused it, for a wait's completion. */
  by?: WaitCompletion;
  /** The signed-in user who acted; null for the engine's own steps. */
  actorId?: string | null;
  /** The node's counters this step adds one to (lib/stats/counter-keys.ts); not stored in history. */
  counts?: string[];
};

/** A message a step sends: `stepSeq` is the history seq of the sending step (its idempotency key). */
export type OutboundMessage = { stepSeq: number; contactSeq: number; channel: string } & OutboundSend;

/** A wait due `timeoutSeconds` from the database clock of the write, or at `dueAt` (a delay until a time). */
export type NewWait = { nodeId: string; kind: WaitKind; timeoutSeconds: number; dueAt?: Date; data?: Record<string, unknown> };

/** A webhook call for the outbox; `key` is its Idempotency-Key, the same for every retry of the step. */
export type NewWebhookCall = { nodeId: string; attempt: number; attempts: number; key: string; request: WebhookCallRequest };

/** Everything one run's change writes, decided in memory before anything is written. */
export type Transition = {
  run: RunRef;
  /** Appended with seq run.seq + 1, + 2, ... */
  history: HistoryEntry[];
  next: { status: RunStatus; currentNodeId: string | null; replyWatermark?: number; failureReason?: string };
  messages?: OutboundMessage[];
  /** A wait entered by the last step; its runSeq is the run's new seq. */
  wait?: NewWait;
  /** Queue a step job (the run is left running for a worker to go on with). */
  enqueue?: Lane;
  /** Changes to the run's contact, in order (written for winners only, like everything here). */
  contactOps?: ContactOp[];
  /** Automations to start for the contact; `depth` is the new runs'. */
  starts?: { automationId: string; depth: number }[];
  /** Cancel the contact's other active runs: all (null) or those of these automations. */
  exits?: { automationIds: string[] | null }[];
  /** Conversations to open for a person, at these nodes. */
  handoffs?: { nodeId: string; note: string | null }[];
  /** A webhook call to make, outside this transaction (the run stays running at the webhook step). */
  webhookCall?: NewWebhookCall;
};

export const newSeq = (t: Pick<Transition, "run" | "history">) => t.run.seq + t.history.length;

/**
 * The one place that changes runs, for a whole batch in one statement: a compare-and-set on
 * (status, seq) for every run, and only for the runs that won, their history rows, outbound
 * messages (with the contacts' counters), new waits; then their timer and step jobs, all in the
 * caller's transaction. Returns the ids of the runs that won. A run that lost was changed by
 * another actor first (a reply, a cancel, a duplicate job): nothing of it is written.
 */
export async function applyTransitions(tx: Tx, transitions: Transition[]): Promise<Set<string>> {
  if (transitions.length === 0) return new Set();
  const rows = await tx.sql<{ kind: "run" | "wait" | "send"; id: string; runId: string; contactId: string; timeoutAt: Date | null; workspaceId: string | null; automationId: string | null }>`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(transitions.map(runRow))}::json) AS x(
        id text, "fromStatus" "RunStatus", "fromSeq" int, status "RunStatus", seq int,
        "currentNodeId" text, "replyWatermark" int, "failureReason" text)
    ), moved AS (
      UPDATE "Run" r SET status = i.status, seq = i.seq, "currentNodeId" = i."currentNodeId",
        "replyWatermark" = COALESCE(i."replyWatermark", r."replyWatermark"), "failureReason" = i."failureReason",
        "updatedAt" = clock_timestamp()
      FROM input i WHERE r.id = i.id AND r.status = i."fromStatus" AND r.seq = i."fromSeq"
      RETURNING r.id, r."contactId", r."workspaceId", r."automationId", r."versionId", r.test
    ), counted AS (
      -- Per-version counters of published runs, one row per backend (shard): two transactions
      -- never wait for each other's counter row, and a read sums the shards.
      INSERT INTO "NodeCount" ("versionId", "nodeId", handle, shard, count)
      SELECT moved."versionId", c."nodeId", c.key, pg_backend_pid(), count(*)
      FROM json_to_recordset(${JSON.stringify(transitions.flatMap(countRows))}::json) AS c("runId" text, "nodeId" text, key text)
      JOIN moved ON moved.id = c."runId" AND NOT moved.test
      GROUP BY 1, 2, 3
      ON CONFLICT ("versionId", "nodeId", handle, shard) DO UPDATE SET count = "NodeCount".count + EXCLUDED.count
    ), steps AS (
      INSERT INTO "RunStep" ("runId", seq, "nodeId", type, outcome, detail, "by", "actorId", at)
      SELECT s."runId", s.seq, s."nodeId", s.type, s.outcome, s.detail, s."by"::"WaitCompletion", s."actorId", clock_timestamp()
      FROM json_to_recordset(${JSON.stringify(transitions.flatMap(historyRows))}::json) AS s(
        "runId" text, seq int, "nodeId" text, type text, outcome text, detail text, "by" text, "actorId" text)
      JOIN moved ON moved.id = s."runId"
    ), sent AS (
      -- The send outbox: a message for a real channel is stored pending and sent by its job.
      INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, channel, "idempotencyKey", "contactSeq", "runId", status, buttons, template, at)
      SELECT gen_random_uuid()::text, c."workspaceId", c.id, 'outbound', m.text, m.channel, m."runId" || ':' || m."stepSeq", m."contactSeq", m."runId",
        CASE WHEN m.channel = ${SANDBOX_CHANNEL} THEN 'sent' ELSE 'pending' END, m.buttons, m.template, clock_timestamp()
      FROM json_to_recordset(${JSON.stringify(transitions.flatMap(messageRows))}::json) AS m(
        "runId" text, "stepSeq" int, "contactSeq" int, text text, channel text, buttons jsonb, template jsonb)
      JOIN moved ON moved.id = m."runId" JOIN "Contact" c ON c.id = moved."contactId"
      RETURNING id, "contactId", "contactSeq", status
    ), counters AS (
      UPDATE "Contact" c SET "messageSeq" = GREATEST(c."messageSeq", s.seq)
      FROM (SELECT "contactId", max("contactSeq") AS seq FROM sent GROUP BY "contactId") s
      WHERE c.id = s."contactId"
    ), waits AS (
      -- The deadline comes from the database clock of this very moment, like every event stamp.
      INSERT INTO "Wait" (id, "runId", "contactId", "nodeId", "runSeq", kind, "timeoutAt", data)
      SELECT gen_random_uuid()::text, w."runId", moved."contactId", w."nodeId", w."runSeq", w.kind::"WaitKind",
        COALESCE(w."dueAt", clock_timestamp() + make_interval(secs => w."timeoutSeconds")), w.data
      FROM json_to_recordset(${JSON.stringify(transitions.flatMap(waitRows))}::json) AS w(
        "runId" text, "nodeId" text, "runSeq" int, kind text, "timeoutSeconds" float8, "dueAt" timestamptz, data jsonb)
      JOIN moved ON moved.id = w."runId"
      RETURNING id, "runId", "timeoutAt"
    )
    SELECT 'run' AS kind, id, id AS "runId", "contactId", NULL::timestamptz AS "timeoutAt", "workspaceId", "automationId" FROM moved
    UNION ALL SELECT 'wait', id, "runId", NULL, "timeoutAt", NULL, NULL FROM waits
    UNION ALL SELECT 'send', id, NULL, "contactId", NULL, NULL, NULL FROM sent WHERE status = 'pending'`;
  const contactOf = new Map(rows.flatMap((r) => (r.kind === "run" ? [[r.id, r.contactId] as const] : [])));
  const won = new Set(contactOf.keys());
  for (const t of transitions) if (won.has(t.run.id)) for (const entry of t.history) countSteps(entry.type);
  await enqueueTimers(tx, rows.flatMap((r) => (r.kind === "wait" && r.timeoutAt ? [{ waitId: r.id, at: r.timeoutAt }] : [])));
  await enqueueRunSteps(tx, transitions.flatMap((t) => (t.enqueue && won.has(t.run.id) ? [{ runId: t.run.id, lane: t.enqueue }] : [])));
  await enqueueSends(tx, rows.flatMap((r) => (r.kind === "send" ? [{ id: r.id }] : [])));
  await notifyLive(tx, rows.flatMap((r) => {
    if (r.kind !== "run" || !r.workspaceId || !r.automationId) return [];
    const sends = transitions.some((t) => t.run.id === r.id && (t.messages?.length ?? 0) > 0);
    return [
      { workspaceId: r.workspaceId, topic: "runs" as const, automationIds: [r.automationId], ids: [r.id] },
      ...(sends ? [{ workspaceId: r.workspaceId, topic: "messages" as const, ids: [r.contactId] }] : []),
    ];
  }));
  await applyEffects(tx, transitions.flatMap((t) => {
    const contactId = contactOf.get(t.run.id);
    return contactId ? [{ transition: t, contactId, seq: newSeq(t) }] : [];
  }));
  return won;
}

const runRow = ({ run, history, next }: Transition) => ({
  id: run.id,
  fromStatus: run.status,
  fromSeq: run.seq,
  status: next.status,
  seq: run.seq + history.length,
  currentNodeId: next.currentNodeId,
  replyWatermark: next.replyWatermark ?? null,
  failureReason: next.failureReason ?? null,
});

const historyRows = ({ run, history }: Transition) =>
  history.map(({ counts: _counts, ...entry }, i) => ({ runId: run.id, seq: run.seq + i + 1, ...entry, by: entry.by ?? null, actorId: entry.actorId ?? null }));

const countRows = ({ run, history }: Transition) =>
  history.flatMap((entry) => (entry.nodeId ? (entry.counts ?? []).map((key) => ({ runId: run.id, nodeId: entry.nodeId, key })) : []));

const messageRows = ({ run, messages = [] }: Transition) =>
  messages.map(({ stepSeq, contactSeq, text, channel, buttons, template }) => ({ runId: run.id, stepSeq, contactSeq, text, channel, buttons: buttons ?? null, template: template ?? null }));

const waitRows = (t: Transition) => (t.wait ? [{ runId: t.run.id, runSeq: newSeq(t), ...t.wait }] : []);

/** After a node took an output: on to the node it leads to, or completed when it leads nowhere. */
export function onward(target: { id: string } | undefined, fromNodeId: string): Transition["next"] {
  return target ? { status: "running", currentNodeId: target.id } : { status: "completed", currentNodeId: fromNodeId };
}
