import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { z } from "zod";
import { SESSION_WINDOW_SECONDS } from "../flow/session-window.ts";
import type { Tx } from "../sql.ts";
import type { VersionGraph } from "./version-graph.ts";

/** What the engine knows of a contact while its row is locked; steps update it in memory. */
export type ContactState = {
  id: string;
  phone: string | null;
  /** Meta's business-scoped user id, for contacts reachable by it. */
  waUserId: string | null;
  /** The channel this contact's runs send on now (see outboundChannel). */
  channel: string;
  name: string | null;
  fields: Record<string, string>;
  tags: string[];
  /** Counter over all the contact's messages; the next outbound one takes messageSeq + 1. */
  messageSeq: number;
  /** The contact's latest inbound message (look-back and {{lastReply}}). */
  lastInbound: { seq: number; text: string; buttonId: string | null } | null;
  /** Whether the contact wrote on the sending channel within WhatsApp's 24-hour window. */
  sessionOpen: boolean;
  /** Automations the contact has a running or waiting run in; read only for graphs that start automations. */
  activeAutomations: Set<string>;
  /** The database clock when the row was locked: executors' "now" (delays count from it). */
  now: Date;
};

const fieldsSchema = z.record(z.string(), z.string());

/**
 * Locks the contacts' rows, in id order so that batches never deadlock each other, and reads
 * their state. Replies take the same lock, so a reply and a new wait (or a send) can never miss
 * each other: whichever comes second sees the first.
 */
export async function lockContacts(tx: Tx, contactIds: string[], channel: string, graphs: Iterable<VersionGraph> = []): Promise<Map<string, ContactState>> {
  // Only Start automation reads the contact's active automations: the other batches skip the look.
  const withActive = [...graphs].some((graph) => graph.startsAutomations);
  if (contactIds.length === 0) return new Map();
  const rows = await tx.sql<{
    id: string; phone: string | null; waUserId: string | null; name: string | null; fields: unknown; tags: string[]; messageSeq: number;
    lastInboundSeq: number | null; lastInboundText: string | null; lastInboundButton: string | null;
    test: boolean; sessionOpen: boolean; active: string[] | null; now: Date;
  }>`
    SELECT c.id, c.phone, c."waUserId", c.name, c.fields, c.tags, c."messageSeq", c.test,
      li."contactSeq" AS "lastInboundSeq", li.text AS "lastInboundText", li."buttonId" AS "lastInboundButton",
      COALESCE((
        SELECT m.at FROM "Message" m
        WHERE m."contactId" = c.id AND m.direction = 'inbound' AND m.channel = (CASE WHEN c.test THEN ${SANDBOX_CHANNEL} ELSE ${channel} END)
        ORDER BY m."contactSeq" DESC LIMIT 1
      ) > clock_timestamp() - make_interval(secs => ${SESSION_WINDOW_SECONDS}), false) AS "sessionOpen",
      CASE WHEN ${withActive}::boolean THEN (SELECT array_agg(DISTINCT r."automationId") FROM "Run" r
        WHERE r."contactId" = c.id AND r.status IN ('running', 'waiting')) END AS active,
      clock_timestamp()::timestamptz(3) AS now
    FROM "Contact" c
    LEFT JOIN LATERAL (
      SELECT m."contactSeq", m.text, m."buttonId" FROM "Message" m
      WHERE m."contactId" = c.id AND m.direction = 'inbound'
      ORDER BY m."contactSeq" DESC LIMIT 1
    ) li ON true
    WHERE c.id = ANY(${contactIds}::text[])
    ORDER BY c.id
    FOR UPDATE OF c`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        phone: r.phone,
        waUserId: r.waUserId,
        // The simulator's contact never leaves the sandbox, whatever the workspace's channel.
        channel: r.test ? SANDBOX_CHANNEL : channel,
        name: r.name,
        fields: fieldsSchema.parse(r.fields),
        tags: r.tags,
        messageSeq: r.messageSeq,
        lastInbound: r.lastInboundSeq === null ? null : { seq: r.lastInboundSeq, text: r.lastInboundText ?? "", buttonId: r.lastInboundButton },
        sessionOpen: r.sessionOpen,
        activeAutomations: new Set(r.active ?? []),
        now: r.now,
      },
    ]),
  );
}

/**
 * The database clock, read once the contacts' rows are locked and rounded to the columns'
 * precision. Stamping replies and timeouts under the same lock makes the clock agree with the
 * order in which they happened, so "replied before the deadline" means the same thing everywhere.
 */
export async function eventTime(tx: Tx): Promise<Date> {
  const [row] = await tx.sql<{ at: Date }>`SELECT clock_timestamp()::timestamptz(3) AS at`;
  if (!row) throw new Error("clock_timestamp() returned nothing");
  return row.at;
}
