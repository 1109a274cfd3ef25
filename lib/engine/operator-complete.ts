import { z } from "zod";
import type { Actor } from "../auth/scope.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { AppError, notFound } from "../errors.ts";
import type { Tx } from "../sql.ts";
import { completeWaits } from "./complete-wait.ts";
import { eventTime, lockContacts } from "./contact-state.ts";
import { applyTransitions } from "./transition.ts";
import { pendingWaits, resumeNow, timeoutOutcome, type Resumption } from "./waiting-runs.ts";
import { withTx } from "./with-tx.ts";

/** What an operator can make of a wait: "replied" (a Customer Response only) or skip it ("noResponse"). */
export const completeWaitBody = z.object({ outcome: z.enum(["replied", "noResponse"]) }).strict();
export type OperatorOutcome = z.infer<typeof completeWaitBody>["outcome"];

/**
 * Operators move runs on from their pending waits, in one transaction: through the one completion
 * function (`by: operator`, guarded on `status = 'pending'`), so a reply or a timeout that got
 * there first wins and the run is left as it is. Skipping takes the path silence would take (a
 * Customer Response's noResponse, a delay's end, a webhook retry's call now); "replied" takes a
 * Customer Response's replied handle. Returns the runs that moved.
 */
export async function completeByOperator(tx: Tx, workspaceId: string, runIds: string[], outcome: OperatorOutcome, actor: Actor): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const ids = await tx.sql<{ id: string }>`
    SELECT w.id FROM "Wait" w JOIN "Run" r ON r.id = w."runId"
    WHERE w."runId" = ANY(${runIds}::text[]) AND w.status = 'pending' AND r."workspaceId" = ${workspaceId}
      AND (${outcome} <> 'replied' OR w.kind = 'reply')`;
  const { waits } = await pendingWaits(tx, { waitIds: ids.map((w) => w.id) });
  if (waits.length === 0) return new Set();
  const contacts = await lockContacts(tx, [...new Set(waits.map((w) => w.contactId))], await outboundChannel(workspaceId), waits.map((w) => w.graph));
  const outcomes = new Map(waits.map((w) => [w.id, outcome === "replied" ? "replied" : timeoutOutcome[w.kind]]));
  const completion: Resumption = { by: "operator", outcome, outcomes, at: await eventTime(tx), actorId: actor.type === "user" ? actor.id : null, note: actor.label };
  const completed = await completeWaits(tx, waits.map((w) => w.id), completion);
  return applyTransitions(tx, resumeNow(completed, waits, completion, contacts));
}

/** POST /api/runs/:id/complete-wait: 404 for a run not in the workspace, 409 when nothing waits. */
export async function completeRunWait(workspaceId: string, runId: string, outcome: OperatorOutcome, actor: Actor): Promise<{ status: string }> {
  return withTx(async (tx) => {
    const [run] = await tx.sql<{ status: string; kind: string | null }>`
      SELECT r.status, (SELECT w.kind::text FROM "Wait" w WHERE w."runId" = r.id AND w.status = 'pending' LIMIT 1) AS kind
      FROM "Run" r WHERE r.id = ${runId} AND r."workspaceId" = ${workspaceId}`;
    if (!run) throw notFound("Run");
    if (run.status !== "waiting" || !run.kind) throw new AppError("conflict", `The run has no pending wait (it is ${run.status})`);
    if (outcome === "replied" && run.kind !== "reply") throw new AppError("conflict", "Only a Customer Response wait can be treated as replied");
    const moved = await completeByOperator(tx, workspaceId, [runId], outcome, actor);
    if (!moved.has(runId)) throw new AppError("conflict", "The run moved on meanwhile; nothing was changed");
    const [after] = await tx.sql<{ status: string }>`SELECT status FROM "Run" WHERE id = ${runId}`;
    return { status: after!.status };
  });
}
