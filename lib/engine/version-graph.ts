import { edgeHandle, type HandleId } from "../flow/graph.ts";
import { publishedGraphSchema, type PublishedNode } from "../flow/published-graph.ts";
import type { Tx } from "../sql.ts";

export type VersionGraph = {
  node: (id: string) => PublishedNode | undefined;
  trigger: PublishedNode;
  /** The node an output handle leads to, or undefined when it is not connected. */
  follow: (nodeId: string, handle: HandleId) => PublishedNode | undefined;
};

// Versions are immutable, so a parsed graph can be cached for the life of the process.
const cache = new Map<string, VersionGraph>();
const MAX_CACHED = 1000;

export async function loadVersionGraph(tx: Tx, versionId: string): Promise<VersionGraph> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const [version] = await tx.sql<{ graph: unknown }>`SELECT graph FROM "AutomationVersion" WHERE id = ${versionId}`;
  if (!version) throw new Error(`Version ${versionId} not found`);
  const graph = toVersionGraph(version.graph);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(versionId, graph);
  return graph;
}

export function toVersionGraph(json: unknown): VersionGraph {
  const { nodes, edges } = publishedGraphSchema.parse(json);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const targets = new Map(edges.map((e) => [`${e.source}\u0000${edgeHandle(e)}`, e.target]));
  const trigger = nodes.find((n) => n.type === "trigger");
  if (!trigger) throw new Error("Published graph has no trigger");
  return {
    node: (id) => byId.get(id),
    trigger,
    follow: (nodeId, handle) => {
      const target = targets.get(`${nodeId}\u0000${handle}`);
      return target === undefined ? undefined : byId.get(target);
    },
  };
}
