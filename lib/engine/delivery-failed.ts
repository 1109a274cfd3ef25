import { outboundChannel } from "../channels/outbound.ts";
import type { Tx } from "../sql.ts";
import { stopRuns } from "./cancel-run.ts";
import { completeWaits } from "./complete-wait.ts";
import { eventTime, lockContacts, type ContactState } from "./contact-state.ts";
import { applyTransitions } from "./transition.ts";
import { loadVersionGraph } from "./version-graph.ts";
import { pendingWaits, resumeNow, type Resumption } from "./waiting-runs.ts";

/** A message that will not reach the contact: refused when sending, or reported failed later. */
export type DeliveryFailure = { messageId: string; runId: string | null; reason: string; refused: boolean };

type RunRow = { id: string; status: "running" | "waiting" | "completed" | "failed" | "cancelled"; seq: number; currentNodeId: string | null; versionId: string; contactId: string; waitId: string | null; isLast: boolean };

/**
 * What a failed message does to the run that sent it, in the caller's transaction:
 * - the run waits at the Customer Response after that message (it sent nothing since) and its
 *   `deliveryFailed` handle is connected → the wait completes by `delivery` along that handle;
 * - otherwise, a send Meta refused (24-hour window, undeliverable, template errors, retries given
 *   up) fails the run with Meta's words: the step did not do its job;
 * - a message Meta accepted and later reported failed leaves the wait going on (DESIGN.md).
 */
export async function handleDeliveryFailures(tx: Tx, failures: DeliveryFailure[]): Promise<void> {
  const byRun = new Map(failures.flatMap((f) => (f.runId ? [[f.runId, f] as const] : [])));
  if (byRun.size === 0) return;
  const runs = await tx.sql<RunRow>`
    SELECT r.id, r.status, r.seq, r."currentNodeId", r."versionId", r."contactId",
      (SELECT w.id FROM "Wait" w WHERE w."runId" = r.id AND w.status = 'pending' AND w.kind = 'reply' AND w."runSeq" = r.seq) AS "waitId",
      NOT EXISTS (SELECT 1 FROM "Message" later JOIN "Message" m ON m.id = x."messageId"
        WHERE later."runId" = r.id AND later.direction = 'outbound' AND later."contactSeq" > m."contactSeq") AS "isLast"
    FROM json_to_recordset(${JSON.stringify([...byRun.values()])}::json) AS x("runId" text, "messageId" text)
    JOIN "Run" r ON r.id = x."runId"
    WHERE r.status IN ('running', 'waiting')
    ORDER BY r.id`;
  if (runs.length === 0) return;
  const graphs = new Map(await Promise.all([...new Set(runs.map((r) => r.versionId))].map(async (id) => [id, await loadVersionGraph(tx, id)] as const)));
  // The contacts first, as every path that moves runs does (no deadlock with replies or timers).
  const contacts = await lockContacts(tx, [...new Set(runs.map((r) => r.contactId))], await outboundChannel(), graphs.values());
  const takesHandle = runs.filter((run) => {
    const wait = run.waitId && run.isLast && run.status === "waiting" ? run.currentNodeId : null;
    return wait !== null && graphs.get(run.versionId)?.follow(wait, "deliveryFailed") !== undefined;
  });
  const handled = new Set(takesHandle.map((r) => r.id));
  for (const run of takesHandle) await takeDeliveryFailed(tx, run, byRun.get(run.id)?.reason ?? "", contacts);
  const toFail = runs.filter((run) => !handled.has(run.id) && byRun.get(run.id)?.refused);
  for (const run of toFail) await stopRuns(tx, [run], "failed", `Message not sent: ${byRun.get(run.id)?.reason ?? "refused by WhatsApp"}`);
}

async function takeDeliveryFailed(tx: Tx, run: RunRow, reason: string, contacts: Map<string, ContactState>): Promise<void> {
  const { waits } = await pendingWaits(tx, { waitIds: run.waitId ? [run.waitId] : [] });
  const completion: Resumption = { by: "delivery", outcome: "deliveryFailed", at: await eventTime(tx), note: `message not delivered: ${reason}` };
  const completed = await completeWaits(tx, waits.map((w) => w.id), completion);
  await applyTransitions(tx, resumeNow(completed, waits, completion, contacts));
}
