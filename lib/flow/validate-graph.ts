import type { Issue } from "../errors.ts";
import { edgeHandle, type Graph, type GraphNode } from "./graph.ts";
import { publishedGraphSchema, type PublishedGraph } from "./published-graph.ts";
import { nodeDefinition, nodeOutputs } from "./registry.ts";

export type ValidationResult = { ok: true; graph: PublishedGraph } | { ok: false; issues: Issue[] };

/** Publish-time rules. Each issue names the node or edge at fault so the editor can mark it. */
export function validateGraph(graph: Graph): ValidationResult {
  const issues = [
    ...checkUniqueIds(graph),
    ...checkTrigger(graph),
    ...checkNodeData(graph),
    ...checkEdges(graph),
    ...checkRequiredHandles(graph),
    ...checkReachable(graph),
  ];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, graph: publishedGraphSchema.parse(graph) };
}

function checkUniqueIds({ nodes, edges }: Graph): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) issues.push({ nodeId: node.id, message: `Duplicate node id "${node.id}"` });
    seen.add(node.id);
  }
  const seenEdges = new Set<string>();
  for (const edge of edges) {
    if (seenEdges.has(edge.id)) issues.push({ edgeId: edge.id, message: `Duplicate edge id "${edge.id}"` });
    seenEdges.add(edge.id);
  }
  return issues;
}

function checkTrigger({ nodes }: Graph): Issue[] {
  const triggers = nodes.filter((n) => n.type === "trigger");
  if (triggers.length === 0) return [{ message: "Add a Trigger: every automation starts from exactly one" }];
  return triggers.slice(1).map((n) => ({ nodeId: n.id, message: "Only one Trigger is allowed" }));
}

function checkNodeData({ nodes }: Graph): Issue[] {
  return nodes.flatMap((node) => {
    const parsed = nodeDefinition(node.type).config.safeParse(node.data);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => ({
      nodeId: node.id,
      path: issue.path.join("."),
      message: `${nodeDefinition(node.type).label}: ${issue.message}`,
    }));
  });
}

function checkEdges({ nodes, edges }: Graph): Issue[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const usedHandles = new Set<string>();
  const issues: Issue[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      issues.push({ edgeId: edge.id, message: "Connection to a node that does not exist" });
      continue;
    }
    const handle = edgeHandle(edge);
    const outputs = nodeOutputs(source.type, source.data);
    if (outputs.length === 0) {
      issues.push({ edgeId: edge.id, nodeId: source.id, message: `Nothing can follow ${nodeDefinition(source.type).label}` });
    } else if (!outputs.some((o) => o.id === handle)) {
      issues.push({ edgeId: edge.id, nodeId: source.id, message: `${nodeDefinition(source.type).label} has no output "${handle}"` });
    }
    if (!nodeDefinition(target.type).acceptsInput) {
      issues.push({ edgeId: edge.id, nodeId: target.id, message: "Nothing can lead into the Trigger" });
    }
    const key = `${edge.source}\u0000${handle}`;
    if (usedHandles.has(key)) {
      issues.push({ edgeId: edge.id, nodeId: source.id, message: "An output can lead to one step only" });
    }
    usedHandles.add(key);
  }
  return issues;
}

function checkRequiredHandles({ nodes, edges }: Graph): Issue[] {
  return nodes.flatMap((node) =>
    nodeOutputs(node.type, node.data)
      .filter((o) => o.required)
      .filter((o) => !edges.some((e) => e.source === node.id && edgeHandle(e) === o.id))
      .map((o) => ({
        nodeId: node.id,
        path: `outputs.${o.id}`,
        message: `${nodeDefinition(node.type).label}: connect the "${o.label}" output`,
      })),
  );
}

function checkReachable({ nodes, edges }: Graph): Issue[] {
  const start = nodes.find((n) => n.type === "trigger");
  if (!start) return [];
  const reached = new Set([start.id]);
  const queue: GraphNode["id"][] = [start.id];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const edge of edges) {
      if (edge.source === current && !reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return nodes
    .filter((n) => !reached.has(n.id))
    .map((n) => ({ nodeId: n.id, message: `${nodeDefinition(n.type).label} cannot be reached from the Trigger` }));
}
