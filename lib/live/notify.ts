import type { Tx } from "../sql.ts";

/** The Postgres channel every process NOTIFYs on and every web server LISTENs to. */
export const LIVE_CHANNEL = "replyflow_live";

export type LiveTopic = "runs" | "messages" | "conversations";

/**
 * What changed, for one workspace: ids only (NOTIFY payloads must stay under 8,000 bytes, and
 * clients re-read what they show). `ids` are capped; `more` says some were left out, so a client
 * that filters by id must refresh anyway.
 */
export type LiveEvent = {
  workspaceId: string;
  topic: LiveTopic;
  /** Automations whose runs changed (topic runs). */
  automationIds?: string[];
  /** Runs, contacts or conversations that changed, by topic. */
  ids?: string[];
  more?: boolean;
};

const MAX_IDS = 100;

/**
 * Queues change notices in the caller's transaction: Postgres delivers them at commit, and never
 * for a rolled-back one, so a listener hears only of changes it can read.
 */
export async function notifyLive(tx: Tx, events: LiveEvent[]): Promise<void> {
  const payloads = merge(events).map((e) => JSON.stringify(e));
  if (payloads.length === 0) return;
  await tx.sql`SELECT pg_notify(${LIVE_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
}

/** One notice per workspace and topic, however many runs a batch moved. */
function merge(events: LiveEvent[]): LiveEvent[] {
  const merged = new Map<string, { event: LiveEvent; automations: Set<string>; ids: Set<string>; more: boolean }>();
  for (const event of events) {
    const key = `${event.workspaceId}\u0000${event.topic}`;
    const entry = merged.get(key) ?? { event: { workspaceId: event.workspaceId, topic: event.topic }, automations: new Set(), ids: new Set(), more: false };
    merged.set(key, entry);
    for (const id of event.automationIds ?? []) entry.automations.add(id);
    for (const id of event.ids ?? []) entry.ids.add(id);
    entry.more ||= event.more ?? false;
  }
  return [...merged.values()].map(({ event, automations, ids, more }) => ({
    ...event,
    ...(automations.size ? { automationIds: [...automations].slice(0, MAX_IDS) } : {}),
    ...(ids.size ? { ids: [...ids].slice(0, MAX_IDS) } : {}),
    ...(more || ids.size > MAX_IDS || automations.size > MAX_IDS ? { more: true } : {}),
  }));
}

export type MessageChange = { workspaceId: string; contactId: string };

/** A contact's conversation changed (a message stored, sent, delivered, read or failed). */
export const notifyMessages = (tx: Tx, changes: MessageChange[]) =>
  notifyLive(tx, changes.map((c) => ({ workspaceId: c.workspaceId, topic: "messages" as const, ids: [c.contactId] })));
