import { db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { nodeDefinitions } from "../flow/registry.ts";
import { nodeTypes, type NodeType } from "../flow/graph.ts";
import { publishedGraphSchema } from "../flow/published-graph.ts";
import { retryWaitData } from "../engine/retry-wait.ts";

export const runSummarySelect = {
  id: true,
  automationId: true,
  status: true,
  currentNodeId: true,
  contactId: true,
  failureReason: true,
  createdAt: true,
  updatedAt: true,
  automation: { select: { name: true } },
  version: { select: { id: true, version: true } },
  contact: { select: { phone: true, waUserId: true, name: true } },
  waits: { where: { status: "pending" }, select: { nodeId: true, timeoutAt: true, kind: true, data: true }, take: 1 },
} satisfies Prisma.RunSelect;

export type RunSummaryRow = Prisma.RunGetPayload<{ select: typeof runSummarySelect }>;

/** `labels`: node id → label for the run's version (see versionLabels). */
export function toRunSummary(row: RunSummaryRow, labels: Map<string, string>) {
  const wait = row.waits[0];
  return {
    id: row.id,
    automationId: row.automationId,
    automationName: row.automation.name,
    version: row.version.version,
    status: row.status,
    currentNodeId: row.currentNodeId,
    currentNodeLabel: row.currentNodeId ? (labels.get(row.currentNodeId) ?? null) : null,
    contactId: row.contactId,
    phone: row.contact.phone,
    ...(row.contact.waUserId && !row.contact.phone ? { waUserId: row.contact.waUserId } : {}),
    contactName: row.contact.name,
    wait: wait ? { nodeId: wait.nodeId, timeoutAt: wait.timeoutAt.toISOString(), kind: wait.kind, ...retryOf(wait.data) } : null,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type RunSummary = ReturnType<typeof toRunSummary>;

/** A webhook retry's `attempt` (the call it will make) and `attempts` (in all), for "retry 2 of 3 at 10:42". */
function retryOf(data: unknown): { attempt?: number; attempts?: number } {
  const parsed = retryWaitData.safeParse(data);
  return parsed.success ? { attempt: parsed.data.attempt, attempts: parsed.data.attempts } : {};
}

// Versions never change, so their labels are cached for the life of the process.
const labelCache = new Map<string, Map<string, string>>();

/** Node labels of each version, loading (once) only the graphs not seen before. */
export async function versionLabels(versionIds: string[]): Promise<(versionId: string) => Map<string, string>> {
  const missing = [...new Set(versionIds)].filter((id) => !labelCache.has(id));
  if (missing.length > 0) {
    const versions = await db().automationVersion.findMany({ where: { id: { in: missing } }, select: { id: true, graph: true } });
    if (labelCache.size > 5000) labelCache.clear();
    for (const version of versions) labelCache.set(version.id, nodeLabels(version.graph));
  }
  return (versionId) => labelCache.get(versionId) ?? new Map();
}

/** Node id → label of its type, from a version's graph (parsed with the graph's own schema). */
function nodeLabels(graph: unknown): Map<string, string> {
  const parsed = publishedGraphSchema.safeParse(graph);
  if (!parsed.success) return new Map();
  return new Map(parsed.data.nodes.map((n) => [n.id, nodeDefinitions[n.type].label]));
}

export function typeLabel(type: string): string {
  const known = nodeTypes.find((t): t is NodeType => t === type);
  if (known) return nodeDefinitions[known].label;
  return type.charAt(0).toUpperCase() + type.slice(1);
}
