import type { Issue } from "../../errors.ts";
import type { Graph, GraphEdge, GraphNode, NodeType } from "../graph.ts";
import { nodeDefinition, nodeOutputs } from "../registry.ts";
import { validateGraph } from "../validate-graph.ts";

/** The node-definition tests' views of one type's config: its issues, its parsed data, publish's issues. */
export function configHelpers(type: NodeType) {
  const config = nodeDefinition(type).config;

  /** Each issue as publish reports its place: the path joined with dots. */
  function issuesOf(data: unknown): { path: string; message: string }[] {
    const parsed = config.safeParse(data);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }

  function parsedData(data: unknown): unknown {
    const parsed = config.safeParse(data);
    if (!parsed.success) throw new Error(`expected valid data, got ${JSON.stringify(parsed.error.issues)}`);
    return parsed.data;
  }

  /** trigger → the node "n", each of its outputs → an End: only the node's own data can be at fault. */
  function around(data: Record<string, unknown>): Graph {
    const at = { x: 0, y: 0 };
    const nodes: GraphNode[] = [
      { id: "t", type: "trigger", position: at, data: {} },
      { id: "n", type, position: at, data },
    ];
    const edges: GraphEdge[] = [{ id: "in", source: "t", target: "n" }];
    for (const id of new Set(nodeOutputs(type, data).map((o) => o.id))) {
      nodes.push({ id: `end-${id}`, type: "end", position: at, data: {} });
      edges.push({ id: `out-${id}`, source: "n", target: `end-${id}`, sourceHandle: id });
    }
    return { nodes, edges };
  }

  function publishIssues(data: Record<string, unknown>): Issue[] {
    const result = validateGraph(around(data));
    return result.ok ? [] : result.issues;
  }

  return { config, issuesOf, parsedData, around, publishIssues };
}
