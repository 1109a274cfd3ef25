import { z } from "zod";
import { currentWorkspaceId } from "../auth/scope.ts";
import { AppError, notFound } from "../errors.ts";
import { transaction, type Tx } from "../sql.ts";
import { bucketQuantile, ENTERED, isExitHandle, replyBucketBound } from "./counter-keys.ts";

export const statsQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

export type NodeStats = { entered: number; active: number; soonestTimeoutAt: string | null; exits: Record<string, number> };
export type WaitStats = {
  replied: number;
  noResponse: number;
  pending: number;
  replyRate: number | null;
  timeToReply: { p50Seconds: number | null; p90Seconds: number | null };
};
export type AutomationStats = { version: number; versions: number[]; nodes: Record<string, NodeStats>; waits: Record<string, WaitStats> };

/** Node types a run waits at with a timer (the soonest one is shown on the canvas). */
const TIMED = new Set(["customerResponse", "delay", "webhook"]);
/** Handles out of a Customer Response that are not the contact's reply. */
const NOT_REPLIES = new Set(["noResponse", "deliveryFailed"]);

/**
 * `GET /api/automations/:id/stats`: per node of one published version (default the latest),
 * how many entered, are there now, and left on each handle; per Customer Response, replies,
 * silences and time to reply. Counters come from NodeCount (written with each step, so editing
 * the draft never touches them); "now" from the active runs' index. Test runs never count (a
 * test run reaches a published version when a tested draft starts another automation).
 */
export async function automationStats(automationId: string, version?: number): Promise<AutomationStats> {
  return transaction(async (tx) => {
    const versions = await tx.sql<{ id: string; version: number; graph: { nodes?: { id: string; type: string }[] } }>`
      SELECT v.id, v.version, CASE WHEN v.version = ${version ?? null}::int OR ${version ?? null}::int IS NULL THEN v.graph END AS graph
      FROM "AutomationVersion" v JOIN "Automation" a ON a.id = v."automationId"
      WHERE a.id = ${automationId} AND a."workspaceId" = ${currentWorkspaceId()} AND v.version > 0
      ORDER BY v.version DESC`;
    if (versions.length === 0) {
      const exists = await tx.sql`SELECT 1 FROM "Automation" WHERE id = ${automationId} AND "workspaceId" = ${currentWorkspaceId()}`;
      throw exists.length ? new AppError("not_found", "Nothing is published yet: publish to see stats") : notFound("Automation");
    }
    const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen) throw notFound(`Version ${version}`);
    const nodes = chosen.graph?.nodes ?? [];
    return { version: chosen.version, versions: versions.map((v) => v.version), ...(await versionStats(tx, chosen.id, nodes)) };
  });
}

async function versionStats(tx: Tx, versionId: string, graphNodes: { id: string; type: string }[]) {
  const [counters, active] = await Promise.all([
    tx.sql<{ nodeId: string; handle: string; count: string }>`
      SELECT "nodeId", handle, sum(count)::text AS count FROM "NodeCount" WHERE "versionId" = ${versionId} GROUP BY 1, 2`,
    tx.sql<{ nodeId: string; count: string }>`
      SELECT "currentNodeId" AS "nodeId", count(*)::text AS count FROM "Run"
      WHERE "versionId" = ${versionId} AND status IN ('running', 'waiting') AND NOT test GROUP BY 1`,
    ]);
  const activeAt = new Map(active.map((a) => [a.nodeId, Number(a.count)]));
  const timed = graphNodes.filter((n) => TIMED.has(n.type) && (activeAt.get(n.id) ?? 0) > 0).map((n) => n.id);
  const soonest = await soonestTimeouts(tx, versionId, timed);

  const nodes: Record<string, NodeStats> = {};
  const replies = new Map<string, Map<number, number>>();
  for (const node of graphNodes) nodes[node.id] = { entered: 0, active: activeAt.get(node.id) ?? 0, soonestTimeoutAt: soonest.get(node.id) ?? null, exits: {} };
  for (const { nodeId, handle, count } of counters) {
    const stats = nodes[nodeId];
    if (!stats) continue;
    const bound = replyBucketBound(handle);
    if (handle === ENTERED) stats.entered = Number(count);
    else if (bound !== undefined) replies.set(nodeId, (replies.get(nodeId) ?? new Map()).set(bound, Number(count)));
    else if (isExitHandle(handle)) stats.exits[handle] = Number(count);
  }

  const waits: Record<string, WaitStats> = {};
  for (const node of graphNodes.filter((n) => n.type === "customerResponse")) {
    const { exits, active: pending } = nodes[node.id]!;
    const noResponse = exits.noResponse ?? 0;
    const replied = Object.entries(exits).reduce((sum, [handle, n]) => (NOT_REPLIES.has(handle) ? sum : sum + n), 0);
    const histogram = replies.get(node.id) ?? new Map<number, number>();
    waits[node.id] = {
      replied,
      noResponse,
      pending,
      replyRate: replied + noResponse > 0 ? replied / (replied + noResponse) : null,
      timeToReply: { p50Seconds: round(bucketQuantile(histogram, 0.5)), p90Seconds: round(bucketQuantile(histogram, 0.9)) },
    };
  }
  return { nodes, waits };
}

/**
 * The earliest pending timeout per node, walking each node's pending waits in deadline order
 * (index Wait_pending_node_timeout_idx) to the first of this version: one short index walk per
 * node however many wait, instead of aggregating them all.
 */
async function soonestTimeouts(tx: Tx, versionId: string, nodeIds: string[]): Promise<Map<string, string>> {
  if (nodeIds.length === 0) return new Map();
  const rows = await tx.sql<{ nodeId: string; at: Date | null }>`
    SELECT n."nodeId", (
      SELECT w."timeoutAt" FROM "Wait" w JOIN "Run" r ON r.id = w."runId"
      WHERE w."nodeId" = n."nodeId" AND w.status = 'pending' AND r."versionId" = ${versionId} AND NOT r.test
      ORDER BY w."timeoutAt" LIMIT 1
    ) AS at
    FROM unnest(${nodeIds}::text[]) AS n("nodeId")`;
  return new Map(rows.flatMap((r) => (r.at ? [[r.nodeId, r.at.toISOString()] as const] : [])));
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
