import { metaWords } from "../channels/whatsapp/send-result.ts";
import type { StatusItem } from "../channels/whatsapp/webhook-payload.ts";
import type { Tx } from "../sql.ts";
import { handleDeliveryFailures } from "./delivery-failed.ts";
import { notifyMessages, type MessageChange } from "../live/notify.ts";

/**
 * Status order: a status only ever replaces a lower one, so statuses arriving late, twice or out of
 * order (Meta sends them so) end in the same state as an orderly delivery. `read` without
 * `delivered` is fine; `failed` outranks sent and delivered, and only `read` outranks it.
 */
export const STATUS_RANK = { pending: 0, sent: 1, delivered: 2, failed: 3, read: 4 } as const;

/**
 * Applies statuses from Meta's webhook to our outbound messages, found by our id (Meta echoes it
 * as biz_opaque_callback_data) or by Meta's. A failure reported while its run waits right after
 * the message goes to the run (delivery-failed.ts). Statuses of messages we never sent (another
 * tool on the same number) are ignored. Returns how many messages changed.
 */
export async function applyStatuses(tx: Tx, workspaceId: string, statuses: StatusItem[]): Promise<number> {
  const best = new Map<string, StatusItem>();
  // One row per message: an UPDATE ... FROM with two matches would apply an arbitrary one.
  for (const status of statuses) {
    const current = best.get(status.wamid);
    if (!current || STATUS_RANK[status.status] > STATUS_RANK[current.status]) best.set(status.wamid, status);
  }
  if (best.size === 0) return 0;
  const rows = [...best.values()].map((s) => ({
    wamid: s.wamid, status: s.status, at: s.at?.toISOString() ?? null, callback: s.callbackData,
    error: s.status === "failed" ? metaWords(s.error ?? { title: "Meta reported the message as failed" }) : null,
    code: s.status === "failed" ? (s.error?.code ?? null) : null,
  }));
  // The CASEs are STATUS_RANK in SQL.
  // Found by our id (primary key), else by Meta's (the unique index): two index lookups, not an OR.
  const changed = await tx.sql<{ id: string; runId: string | null; status: string; error: string | null } & MessageChange>`
    WITH x AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(wamid text, status text, at timestamptz, callback text, error text, code int)
    ), target AS (
      SELECT m.id AS "messageId", x.* FROM x JOIN "Message" m ON m.id = x.callback AND m."workspaceId" = ${workspaceId}
      UNION ALL
      SELECT m.id, x.* FROM x JOIN "Message" m ON m."workspaceId" = ${workspaceId} AND m.channel = 'whatsapp' AND m."providerMessageId" = x.wamid
      WHERE NOT EXISTS (SELECT 1 FROM "Message" o WHERE o.id = x.callback AND o."workspaceId" = ${workspaceId})
    )
    UPDATE "Message" m SET status = x.status, "statusAt" = COALESCE(x.at, clock_timestamp()), "claimedAt" = NULL,
      "providerMessageId" = COALESCE(m."providerMessageId", x.wamid),
      error = CASE WHEN x.status = 'failed' THEN x.error ELSE m.error END,
      "errorCode" = CASE WHEN x.status = 'failed' THEN x.code ELSE m."errorCode" END
    FROM target x
    WHERE m.id = x."messageId" AND m.direction = 'outbound'
      AND (CASE x.status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'failed' THEN 3 WHEN 'read' THEN 4 ELSE -1 END)
        > (CASE m.status WHEN 'pending' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'failed' THEN 3 WHEN 'read' THEN 4 ELSE 5 END)
    RETURNING m.id, m."runId", m.status, m.error, m."workspaceId", m."contactId"`;
  await notifyMessages(tx, changed);
  const failed = changed.filter((m) => m.status === "failed");
  await handleDeliveryFailures(tx, failed.map((m) => ({ messageId: m.id, runId: m.runId, reason: m.error ?? "not delivered", refused: false })));
  return changed.length;
}
