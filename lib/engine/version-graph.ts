import { edgeHandle, type HandleId } from "../flow/graph.ts";
import type { MessageButton } from "../flow/nodes/send-message.ts";
import { publishedGraphSchema, type PublishedNode } from "../flow/published-graph.ts";
import type { Tx } from "../sql.ts";

export type VersionGraph = {
  node: (id: string) => PublishedNode | undefined;
  trigger: PublishedNode;
  /** The node an output handle leads to, or undefined when it is not connected. */
  follow: (nodeId: string, handle: HandleId) => PublishedNode | undefined;
  /** Whether a Start automation step is in it (only then do runs need the contact's active automations). */
  startsAutomations: boolean;
  /** Quick-reply buttons of the messages that lead into a Customer Response (what a reply may press). */
  buttonsBefore: (nodeId: string) => MessageButton[];
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
  const sources = new Map<string, string[]>();
  for (const edge of edges) sources.set(edge.target, [...(sources.get(edge.target) ?? []), edge.source]);
  const trigger = nodes.find((n) => n.type === "trigger");
  if (!trigger) throw new Error("Published graph has no trigger");
  const buttons = new Map<string, MessageButton[]>();
  return {
    node: (id) => byId.get(id),
    trigger,
    startsAutomations: nodes.some((n) => n.type === "startAutomation"),
    follow: (nodeId, handle) => {
      const target = targets.get(`${nodeId}\u0000${handle}`);
      return target === undefined ? undefined : byId.get(target);
    },
    buttonsBefore: (nodeId) => {
      let found = buttons.get(nodeId);
      if (!found) buttons.set(nodeId, (found = messageButtonsBefore(nodeId, byId, sources)));
      return found;
    },
  };
}

/** Walks back from a node through steps that send nothing, collecting the first messages met. */
function messageButtonsBefore(nodeId: string, byId: Map<string, PublishedNode>, sources: Map<string, string[]>): MessageButton[] {
  const seen = new Set([nodeId]);
  const queue = [...(sources.get(nodeId) ?? [])];
  const found: MessageButton[] = [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (!node || node.type === "customerResponse") continue;
    if (node.type === "sendMessage") found.push(...(node.data.buttons ?? []));
    else queue.push(...(sources.get(id) ?? []));
  }
  return found;
}
