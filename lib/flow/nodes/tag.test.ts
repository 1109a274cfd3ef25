import { describe, expect, it } from "vitest";
import type { Issue } from "../../errors.ts";
import type { Graph, GraphEdge, GraphNode } from "../graph.ts";
import { nodeDefinition, nodeOutputs } from "../registry.ts";
import { validateGraph } from "../validate-graph.ts";

const config = nodeDefinition("tag").config;

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
    { id: "n", type: "tag", position: at, data },
  ];
  const edges: GraphEdge[] = [{ id: "in", source: "t", target: "n" }];
  for (const id of new Set(nodeOutputs("tag", data).map((o) => o.id))) {
    nodes.push({ id: `end-${id}`, type: "end", position: at, data: {} });
    edges.push({ id: `out-${id}`, source: "n", target: `end-${id}`, sourceHandle: id });
  }
  return { nodes, edges };
}

function publishIssues(data: Record<string, unknown>): Issue[] {
  const result = validateGraph(around(data));
  return result.ok ? [] : result.issues;
}

describe("tag config", () => {
  it("accepts tags to add, to remove, or both", () => {
    expect(parsedData({ add: ["vip"] })).toEqual({ add: ["vip"] });
    expect(parsedData({ remove: ["lead"] })).toEqual({ remove: ["lead"] });
    expect(parsedData({ add: ["vip"], remove: ["lead"] })).toEqual({ add: ["vip"], remove: ["lead"] });
  });

  it.each([{}, { add: [] }, { remove: [] }, { add: [], remove: [] }])("needs at least one tag overall: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "", message: "Add or remove at least one tag" }]);
  });

  it("accepts an empty list beside a filled one", () => {
    expect(issuesOf({ add: [], remove: ["lead"] })).toEqual([]);
  });

  it("trims tags", () => {
    expect(parsedData({ add: ["  vip  "], remove: ["\tlead\n"] })).toEqual({ add: ["vip"], remove: ["lead"] });
  });

  it.each(["", "   "])("refuses the empty tag %j, at its index", (tag) => {
    expect(issuesOf({ add: ["vip", tag] })).toContainEqual({ path: "add.1", message: "Tags are 1-50 characters" });
  });

  it("takes 50 characters and refuses 51 (after trimming)", () => {
    expect(issuesOf({ remove: [` ${"x".repeat(50)} `] })).toEqual([]);
    expect(issuesOf({ remove: ["x".repeat(51)] })).toEqual([{ path: "remove.0", message: "Tags are 1-50 characters" }]);
  });

  it("refuses more than 20 tags in a list", () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(issuesOf({ add: tags.slice(0, 20) })).toEqual([]);
    expect(issuesOf({ add: tags })).toEqual([{ path: "add", message: "At most 20 tags" }]);
  });

  it("refuses a tag that is not text", () => {
    expect(issuesOf({ add: [7] }).map((i) => i.path)).toEqual(["add.0"]);
  });
});

describe("tag at publish", () => {
  it("names the node, a path and the label in every issue", () => {
    expect(publishIssues({ add: ["  "] })).toEqual([{ nodeId: "n", path: "add.0", message: "Tag: Tags are 1-50 characters" }]);
    expect(publishIssues({})).toEqual([{ nodeId: "n", path: "", message: "Tag: Add or remove at least one tag" }]);
  });

  it("publishes a valid tag step", () => {
    expect(publishIssues({ add: ["vip"], remove: ["lead"] })).toEqual([]);
  });
});
