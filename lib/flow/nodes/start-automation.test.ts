import { describe, expect, it } from "vitest";
import type { Issue } from "../../errors.ts";
import type { Graph, GraphEdge, GraphNode } from "../graph.ts";
import { nodeDefinition, nodeOutputs } from "../registry.ts";
import { validateGraph } from "../validate-graph.ts";

const config = nodeDefinition("startAutomation").config;

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
    { id: "n", type: "startAutomation", position: at, data },
  ];
  const edges: GraphEdge[] = [{ id: "in", source: "t", target: "n" }];
  for (const id of new Set(nodeOutputs("startAutomation", data).map((o) => o.id))) {
    nodes.push({ id: `end-${id}`, type: "end", position: at, data: {} });
    edges.push({ id: `out-${id}`, source: "n", target: `end-${id}`, sourceHandle: id });
  }
  return { nodes, edges };
}

function publishIssues(data: Record<string, unknown>): Issue[] {
  const result = validateGraph(around(data));
  return result.ok ? [] : result.issues;
}

describe("startAutomation config", () => {
  it("accepts an automation id, trimmed", () => {
    expect(parsedData({ automationId: "  cm_welcome_42 " })).toEqual({ automationId: "cm_welcome_42" });
  });

  it.each([{}, { automationId: "" }, { automationId: "   " }])("requires the automation: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "automationId", message: expect.any(String) }]);
  });

  it("says to choose the automation when it is empty", () => {
    expect(issuesOf({ automationId: "" })).toEqual([{ path: "automationId", message: "Choose the automation to start" }]);
  });

  it("refuses an id longer than 100 characters", () => {
    expect(issuesOf({ automationId: "a".repeat(100) })).toEqual([]);
    expect(issuesOf({ automationId: "a".repeat(101) }).map((i) => i.path)).toEqual(["automationId"]);
  });
});

describe("startAutomation at publish", () => {
  it("names the node, the path and the label", () => {
    expect(publishIssues({ automationId: "" })).toEqual([{ nodeId: "n", path: "automationId", message: "Start automation: Choose the automation to start" }]);
  });

  it("publishes a chosen automation", () => {
    expect(publishIssues({ automationId: "auto-b" })).toEqual([]);
  });
});
