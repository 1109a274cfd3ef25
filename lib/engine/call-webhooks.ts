import { z } from "zod";
import { webhookMethods, type WebhookConfig } from "../flow/nodes/webhook.ts";
import type { Tx } from "../sql.ts";
import { defaultPolicy, safeRequest, WebhookRefused } from "../webhooks/safe-request.ts";
import { lockContacts, type ContactState } from "./contact-state.ts";
import type { RetryWaitData } from "./retry-wait.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { runInMemory } from "./run-in-memory.ts";
import { applyTransitions, type RunRef, type Transition } from "./transition.ts";
import { loadVersionGraph, type VersionGraph } from "./version-graph.ts";
import { describeResult, responseFields, retryDelaySeconds, succeeded, type CallResult } from "./webhook-outcome.ts";
import { withTx } from "./with-tx.ts";

/** A claimed call no one finished in this long (its worker died mid-call) may be claimed again. */
export const CALL_LEASE_SECONDS = 90;

const requestSchema = z.object({
  method: z.enum(webhookMethods),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive(),
});

type Call = { id: string; runId: string; runSeq: number; nodeId: string; attempt: number; attempts: number; key: string; request: unknown; claimedAt: Date };

/**
 * Body of the webhook-call jobs (the outbox's far side): claims each stored call, makes it outside
 * any transaction, then records the answer and moves the run on in one transaction. At least once:
 * a worker dying between the call and the record leaves the claim to expire, and the call is made
 * again with the same Idempotency-Key. Resolves with the calls to retry later.
 */
export async function callWebhooks(callIds: string[]): Promise<Map<string, unknown>> {
  const failed = new Map<string, unknown>();
  const { claimed, busy } = await withTx((tx) => claim(tx, callIds));
  // Claimed elsewhere and still within its lease: retry the job later, by when it is done or expired.
  for (const id of busy) failed.set(id, new Error("The call is being made by another worker"));
  await Promise.all(claimed.map(async (call) => {
    const result = await perform(call);
    try {
      await withTx((tx) => record(tx, call, result));
    } catch (error) {
      failed.set(call.id, error);
    }
  }));
  return failed;
}

async function claim(tx: Tx, callIds: string[]): Promise<{ claimed: Call[]; busy: string[] }> {
  // A run cancelled (or otherwise moved on) before its call was made: the call is not made at all.
  await tx.sql`
    UPDATE "WebhookCall" c SET status = 'done', error = 'Not called: the run had moved on', "completedAt" = clock_timestamp()
    FROM "Run" r
    WHERE c.id = ANY(${callIds}::text[]) AND c.status = 'pending' AND r.id = c."runId" AND NOT (r.status = 'running' AND r.seq = c."runSeq")`;
  const claimed = await tx.sql<Call>`
    UPDATE "WebhookCall" SET status = 'calling', "claimedAt" = clock_timestamp()
    WHERE id = ANY(${callIds}::text[]) AND (status = 'pending'
      OR (status = 'calling' AND "claimedAt" < clock_timestamp() - make_interval(secs => ${CALL_LEASE_SECONDS})))
    RETURNING id, "runId", "runSeq", "nodeId", attempt, attempts, key, request, "claimedAt"`;
  const busy = await tx.sql<{ id: string }>`
    SELECT id FROM "WebhookCall" WHERE id = ANY(${callIds}::text[]) AND status = 'calling' AND NOT (id = ANY(${claimed.map((c) => c.id)}::text[]))`;
  return { claimed, busy: busy.map((b) => b.id) };
}

async function perform(call: Call): Promise<CallResult> {
  const started = Date.now();
  try {
    const request = requestSchema.parse(call.request);
    const response = await safeRequest({ ...request, headers: { ...request.headers, "Idempotency-Key": call.key } }, { policy: defaultPolicy() });
    return { response };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message, retryable: !(error instanceof WebhookRefused) && !(error instanceof z.ZodError), durationMs: Date.now() - started };
  }
}

type RunRow = RunRef & { versionId: string; automationId: string; depth: number; contactId: string; replyWatermark: number };

/** Records the answer (guarded by our claim) and takes the run on, if it is still at this call. */
async function record(tx: Tx, call: Call, result: CallResult): Promise<void> {
  const [run] = await tx.sql<RunRow>`
    SELECT id, status, seq, "versionId", "automationId", depth, "contactId", "replyWatermark" FROM "Run" WHERE id = ${call.runId}`;
  if (!run) return;
  const graph = await loadVersionGraph(tx, run.versionId);
  const contacts = await lockContacts(tx, [run.contactId], await outboundChannel(), [graph]);
  const response = "response" in result ? result.response : undefined;
  const [mine] = await tx.sql<{ id: string }>`
    UPDATE "WebhookCall" SET status = 'done', "responseStatus" = ${response?.status ?? null},
      "responseExcerpt" = ${response?.bodyExcerpt ?? null}, error = ${"error" in result ? result.error : null},
      "durationMs" = ${response?.durationMs ?? ("durationMs" in result ? result.durationMs : null)}, "completedAt" = clock_timestamp()
    WHERE id = ${call.id} AND status = 'calling' AND "claimedAt" = ${call.claimedAt}
    RETURNING id`;
  // Someone else took the expired claim over, or the run moved on (cancelled): theirs to record.
  if (!mine || run.status !== "running" || run.seq !== call.runSeq) return;
  const contact = contacts.get(run.contactId);
  if (!contact) return;
  const node = graph.node(call.nodeId);
  if (node?.type !== "webhook") throw new Error(`Step ${call.nodeId} of run ${run.id} is not a webhook`);
  const ref = { id: run.id, status: run.status, seq: run.seq };
  const retryable = !succeeded(result) && !("error" in result && !result.retryable);
  const transition: Transition = retryable && call.attempt < call.attempts
    ? retryLater(ref, call, result)
    : finished(ref, run, call, result, graph, contact, node.data);
  await applyTransitions(tx, [transition]);
}

/** A retry is a wait of kind `retry`: its timer calls again, and the sweeper covers a lost timer. */
function retryLater(run: RunRef, call: Call, result: CallResult): Transition {
  const retry = call.attempt;
  const seconds = retryDelaySeconds(retry);
  const retryData: RetryWaitData = { attempt: call.attempt + 1, attempts: call.attempts, key: call.key };
  return {
    run,
    history: [{ nodeId: call.nodeId, type: "webhook", detail: `${describeResult(result)}; retry ${retry} of ${call.attempts - 1} in ${seconds} s` }],
    next: { status: "waiting", currentNodeId: call.nodeId },
    wait: { nodeId: call.nodeId, kind: "retry", timeoutSeconds: seconds, data: retryData },
  };
}

/** Success or failure: the answer in the history, saveResponse's fields, and on along that handle. */
function finished(run: RunRef, row: RunRow, call: Call, result: CallResult, graph: VersionGraph, contact: ContactState, config: WebhookConfig): Transition {
  const ok = succeeded(result);
  const saved = ok && "response" in result ? responseFields(config, result.response) : { ops: [] };
  const detail = [describeResult(result), saved.note].filter(Boolean).join("; ");
  const handle = ok ? "success" : "failure";
  return runInMemory({
    run,
    automationId: row.automationId,
    depth: row.depth,
    prefix: [{ nodeId: call.nodeId, type: "webhook", outcome: handle, detail, counts: [handle] }],
    prefixOps: saved.ops.length ? saved.ops : undefined,
    nodeId: graph.follow(call.nodeId, handle)?.id ?? null,
    finishedAt: call.nodeId,
    replyWatermark: row.replyWatermark,
  }, graph, contact);
}
