import { describe, expect, it } from "vitest";
import type { Issue } from "../../errors.ts";
import type { Graph, GraphEdge, GraphNode } from "../graph.ts";
import { nodeDefinition, nodeOutputs } from "../registry.ts";
import { validateGraph } from "../validate-graph.ts";

const config = nodeDefinition("exitAutomations").config;

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
    { id: "n", type: "exitAutomations", position: at, data },
  ];
  const edges: GraphEdge[] = [{ id: "in", source: "t", target: "n" }];
  for (const id of new Set(nodeOutputs("exitAutomations", data).map((o) => o.id))) {
    nodes.push({ id: `end-${id}`, type: "end", position: at, data: {} });
    edges.push({ id: `out-${id}`, source: "n", target: `end-${id}`, sourceHandle: id });
  }
  return { nodes, edges };
}

function publishIssues(data: Record<string, unknown>): Issue[] {
  const result = validateGraph(around(data));
  return result.ok ? [] : result.issues;
}

describe("exitAutomations config", () => {
  it("others needs no ids", () => {
    expect(parsedData({ scope: "others" })).toEqual({ scope: "others" });
  });

  it("selected takes the chosen ids, trimmed", () => {
    expect(parsedData({ scope: "selected", automationIds: [" a ", "b"] })).toEqual({ scope: "selected", automationIds: ["a", "b"] });
  });

  it.each([{ scope: "selected" }, { scope: "selected", automationIds: [] }])("selected needs at least one id: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "automationIds", message: "Choose at least one automation" }]);
  });

  it("refuses an empty id", () => {
    expect(issuesOf({ scope: "selected", automationIds: ["a", " "] }).map((i) => i.path)).toEqual(["automationIds.1"]);
  });

  it("refuses more than 50 automations", () => {
    const ids = Array.from({ length: 51 }, (_, i) => `a${i}`);
    expect(issuesOf({ scope: "selected", automationIds: ids.slice(0, 50) })).toEqual([]);
    expect(issuesOf({ scope: "selected", automationIds: ids })).toEqual([{ path: "automationIds", message: "At most 50 automations" }]);
  });

  it.each(["all", "", undefined])("refuses the scope %j", (scope) => {
    expect(issuesOf({ scope }).map((i) => i.path)).toEqual(["scope"]);
  });
});

describe("exitAutomations at publish", () => {
  it("names the node, the path and the label", () => {
    expect(publishIssues({ scope: "selected" })).toEqual([
      { nodeId: "n", path: "automationIds", message: "Exit automations: Choose at least one automation" },
    ]);
  });

  it("publishes either scope", () => {
    expect(publishIssues({ scope: "others" })).toEqual([]);
    expect(publishIssues({ scope: "selected", automationIds: ["auto-b"] })).toEqual([]);
  });
});
