import { describe, expect, it } from "vitest";
import type { Issue } from "../../errors.ts";
import type { Graph, GraphEdge, GraphNode } from "../graph.ts";
import { nodeDefinition, nodeOutputs } from "../registry.ts";
import { validateGraph } from "../validate-graph.ts";

const config = nodeDefinition("setField").config;

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
    { id: "n", type: "setField", position: at, data },
  ];
  const edges: GraphEdge[] = [{ id: "in", source: "t", target: "n" }];
  for (const id of new Set(nodeOutputs("setField", data).map((o) => o.id))) {
    nodes.push({ id: `end-${id}`, type: "end", position: at, data: {} });
    edges.push({ id: `out-${id}`, source: "n", target: `end-${id}`, sourceHandle: id });
  }
  return { nodes, edges };
}

function publishIssues(data: Record<string, unknown>): Issue[] {
  const result = validateGraph(around(data));
  return result.ok ? [] : result.issues;
}

describe("setField config: field", () => {
  it.each(["city", "order_id", "a", "x2", `a${"b".repeat(49)}`])("accepts the field key %j", (field) => {
    expect(parsedData({ field, value: "x" })).toEqual({ field, value: "x" });
  });

  it("trims the field key", () => {
    expect(parsedData({ field: " city ", value: "Milano" })).toEqual({ field: "city", value: "Milano" });
  });

  it.each(["City", "1city", "_city", "my-city", "my city", "contact.fields.city", "", `a${"b".repeat(50)}`])("refuses the field key %j", (field) => {
    expect(issuesOf({ field, value: "x" })).toEqual([
      { path: "field", message: "Field keys are lowercase letters, digits and _, starting with a letter (at most 50)" },
    ]);
  });

  it("requires a field", () => {
    expect(issuesOf({ value: "x" }).map((i) => i.path)).toEqual(["field"]);
  });
});

describe("setField config: value", () => {
  it("accepts dynamic fields with fallbacks and trims the value", () => {
    const value = "{{contact.name | friend}} from {{contact.fields.city}} said {{lastReply}} ({{contact.phone}})";
    expect(parsedData({ field: "summary", value: `  ${value}  ` })).toEqual({ field: "summary", value });
  });

  it("accepts an empty value (the field is removed)", () => {
    expect(parsedData({ field: "coupon", value: "" })).toEqual({ field: "coupon", value: "" });
  });

  it.each(["{{contact.email}}", "{{foo | bar}}", "{{contact.fields.City}}"])("refuses the unknown field in %j", (value) => {
    expect(issuesOf({ field: "x", value })).toEqual([{ path: "value", message: expect.stringMatching(/^Unknown field \{\{/) }]);
  });

  it("takes 1000 characters and refuses 1001", () => {
    expect(issuesOf({ field: "x", value: "v".repeat(1000) })).toEqual([]);
    expect(issuesOf({ field: "x", value: "v".repeat(1001) })).toEqual([{ path: "value", message: "At most 1000 characters" }]);
  });
});

describe("setField at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    expect(publishIssues({ field: "City", value: "{{nope}}" })).toEqual([
      { nodeId: "n", path: "field", message: expect.stringMatching(/^Set field: Field keys are lowercase/) },
      { nodeId: "n", path: "value", message: expect.stringMatching(/^Set field: Unknown field \{\{nope\}\}/) },
    ]);
  });

  it("publishes a valid step", () => {
    expect(publishIssues({ field: "city", value: "{{lastReply}}" })).toEqual([]);
  });
});
