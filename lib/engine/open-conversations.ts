import { notifyLive } from "../live/notify.ts";
import type { Tx } from "../sql.ts";
import type { Effect } from "./effects.ts";

/**
 * Handoff steps: each contact gets one open conversation. A contact already in the inbox keeps
 * theirs (its transcript and assignee), now pointing at the run and note of the latest handoff, and
 * moves to the top; otherwise a new one opens. Closed ones are history and are never reopened.
 */
export async function openConversations(tx: Tx, effects: Effect[]): Promise<void> {
  // The last handoff per contact wins (a batch may hold several runs of one contact).
  const latest = new Map<string, { contactId: string; runId: string; nodeId: string; note: string | null }>();
  for (const { transition, contactId } of effects) {
    for (const handoff of transition.handoffs ?? []) latest.set(contactId, { contactId, runId: transition.run.id, ...handoff });
  }
  if (latest.size === 0) return;
  const opened = await tx.sql<{ id: string; workspaceId: string }>`
    INSERT INTO "Conversation" (id, "workspaceId", "contactId", "runId", "nodeId", note, "openedAt", "lastMessageAt")
    SELECT gen_random_uuid()::text, c."workspaceId", c.id, h."runId", h."nodeId", h.note, clock_timestamp(), clock_timestamp()
    FROM json_to_recordset(${JSON.stringify([...latest.values()])}::json) AS h("contactId" text, "runId" text, "nodeId" text, note text)
    -- The simulator's test contact is nobody's to answer: its handoffs stay out of the inbox.
    JOIN "Contact" c ON c.id = h."contactId" AND NOT c.test
    ON CONFLICT ("contactId") WHERE status = 'open' DO UPDATE SET
      "runId" = EXCLUDED."runId", "nodeId" = EXCLUDED."nodeId", note = COALESCE(EXCLUDED.note, "Conversation".note),
      "lastMessageAt" = EXCLUDED."lastMessageAt"
    RETURNING id, "workspaceId"`;
  await notifyLive(tx, opened.map((c) => ({ workspaceId: c.workspaceId, topic: "conversations" as const, ids: [c.id] })));
}
