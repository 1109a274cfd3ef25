import { edgeHandle, type Graph } from "./graph.ts";
import { nodeOutputs } from "./registry.ts";

/** The key of one node's output handle in `missingHandles`' answer. */
export const handleKey = (nodeId: string, handleId: string) => `${nodeId}\u0000${handleId}`;

/**
 * The required outputs without an edge, as `handleKey(nodeId, handleId)`: what publishing would
 * refuse (validate-graph's "connect the … output"). One pass over the edges, then one over each
 * node's outputs: O(V + E), where looking the edges up per output is O(V × E).
 */
export function missingHandles({ nodes, edges }: Graph): Set<string> {
  const connected = new Set(edges.map((e) => handleKey(e.source, edgeHandle(e))));
  const missing = new Set<string>();
  for (const node of nodes) {
    for (const output of nodeOutputs(node.type, node.data)) {
      const key = handleKey(node.id, output.id);
      if (output.required && !connected.has(key)) missing.add(key);
    }
  }
  return missing;
}
