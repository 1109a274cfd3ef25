import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.ts";
import { graphSchema, type Graph, type GraphEdge, type GraphNode, type NodeType } from "./graph.ts";
import { validateGraph } from "./validate-graph.ts";

// Small builders: each test states only the part of the graph its rule is about.
const node = (id: string, type: NodeType, data: Record<string, unknown> = {}): GraphNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const trigger = (id = "t") => node(id, "trigger");
const send = (id: string, text: unknown = "Hello") => node(id, "sendMessage", { text });
const wait = (id: string, amount: unknown = 1, unit: unknown = "hours") =>
  node(id, "customerResponse", { timeout: { amount, unit } });
const end = (id: string) => node(id, "end");
const edge = (id: string, source: string, target: string, sourceHandle?: string): GraphEdge => ({
  id,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ nodes, edges });

/** trigger t → send s → end d: valid; tests add or change one thing. */
const linear = (sendNode: GraphNode = send("s")): Graph =>
  graph([trigger(), sendNode, end("d")], [edge("e1", "t", "s"), edge("e2", "s", "d")]);

/** trigger t → customerResponse w, replied → end r, noResponse → end n: valid. */
const waiting = (waitNode: GraphNode = wait("w")): Graph =>
  graph(
    [trigger(), waitNode, end("r"), end("n")],
    [edge("e1", "t", "w"), edge("e2", "w", "r", "replied"), edge("e3", "w", "n", "noResponse")],
  );

function issuesOf(g: Graph): Issue[] {
  const result = validateGraph(g);
  if (result.ok) throw new Error("expected the graph to be rejected");
  return result.issues;
}

const fixture = (name: string): Graph =>
  graphSchema.parse(
    JSON.parse(readFileSync(path.join(process.cwd(), "test", "fixtures", `${name}.json`), "utf8")),
  );

describe("validateGraph: valid graphs", () => {
  it("accepts the reply-or-remind fixture and returns every node's data parsed", () => {
    const input = fixture("reply-or-remind");
    const result = validateGraph(input);
    expect(result).toEqual({ ok: true, graph: input });
    if (!result.ok) return;
    const waitNode = result.graph.nodes.find((n) => n.id === "wait");
    expect(waitNode).toMatchObject({ type: "customerResponse", data: { timeout: { amount: 5, unit: "seconds" } } });
  });

  it("parses node data: text is trimmed and unknown keys are dropped", () => {
    const result = validateGraph(linear(node("s", "sendMessage", { text: "  Hi {{contact.name}}  ", color: "red" })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.nodes.find((n) => n.id === "s")?.data).toEqual({ text: "Hi {{contact.name}}" });
  });

  it.each([
    [5, "seconds"],
    [30, "days"],
    [720, "hours"],
    [43_200, "minutes"],
  ])("accepts the timeout bound %s %s", (amount, unit) => {
    expect(validateGraph(waiting(wait("w", amount, unit))).ok).toBe(true);
  });
});

describe("validateGraph: the trigger", () => {
  it("rejects a graph without a trigger", () => {
    const g = graph([send("s"), end("d")], [edge("e1", "s", "d")]);
    expect(issuesOf(g)).toEqual([{ message: expect.stringContaining("Add a Trigger") }]);
  });

  it("rejects a second trigger, naming it", () => {
    const g = linear();
    g.nodes.push(trigger("t2"));
    g.edges.push(edge("e3", "t2", "d"));
    const issues = issuesOf(g);
    expect(issues).toContainEqual({ nodeId: "t2", message: "Only one Trigger is allowed" });
    expect(issues.every((i) => i.nodeId === "t2")).toBe(true);
  });

  it("requires the trigger's output to be connected", () => {
    expect(issuesOf(graph([trigger()], []))).toEqual([
      { nodeId: "t", path: "outputs.default", message: expect.stringContaining('connect the "Start" output') },
    ]);
  });

  it("rejects an edge into the trigger", () => {
    const g = graph([trigger(), send("s")], [edge("e1", "t", "s"), edge("back", "s", "t")]);
    expect(issuesOf(g)).toEqual([{ edgeId: "back", nodeId: "t", message: "Nothing can lead into the Trigger" }]);
  });
});

describe("validateGraph: ids", () => {
  it("rejects duplicate node ids", () => {
    const g = linear();
    g.nodes.push(end("d"));
    expect(issuesOf(g)).toEqual([{ nodeId: "d", message: expect.stringContaining('Duplicate node id "d"') }]);
  });

  it("rejects duplicate edge ids", () => {
    const g = graph([trigger(), send("s"), end("d")], [edge("e1", "t", "s"), edge("e1", "s", "d")]);
    expect(issuesOf(g)).toEqual([{ edgeId: "e1", message: expect.stringContaining('Duplicate edge id "e1"') }]);
  });
});

describe("validateGraph: node data", () => {
  it.each([
    ["empty", ""],
    ["blank", "   "],
  ])("rejects %s message text", (_label, text) => {
    expect(issuesOf(linear(send("s", text)))).toEqual([
      { nodeId: "s", path: "text", message: "Send message: Write the message" },
    ]);
  });

  it("rejects an unknown template field and lists the known ones", () => {
    const [issue, ...rest] = issuesOf(linear(send("s", "Hi {{foo}}")));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ nodeId: "s", path: "text" });
    expect(issue?.message).toContain("Unknown field {{foo}}");
    expect(issue?.message).toContain("{{contact.name}}");
  });

  it.each([
    [4, "seconds"],
    [31, "days"],
    [2_592_001, "seconds"],
  ])("rejects a timeout of %s %s as out of bounds", (amount, unit) => {
    expect(issuesOf(waiting(wait("w", amount, unit)))).toEqual([
      { nodeId: "w", path: "timeout", message: "Customer Response: Must be between 5 seconds and 30 days" },
    ]);
  });

  it("rejects a non-integer timeout amount", () => {
    expect(issuesOf(waiting(wait("w", 1.5, "hours")))).toEqual([
      { nodeId: "w", path: "timeout.amount", message: "Customer Response: Use a whole number" },
    ]);
  });

  it("rejects an unknown timeout unit", () => {
    expect(issuesOf(waiting(wait("w", 2, "weeks")))).toEqual([
      { nodeId: "w", path: "timeout.unit", message: expect.stringMatching(/^Customer Response: .*"days"/) },
    ]);
  });

  it("rejects a Customer Response without a timeout", () => {
    expect(issuesOf(waiting(node("w", "customerResponse", {})))).toEqual([
      { nodeId: "w", path: "timeout", message: expect.stringContaining("Customer Response: ") },
    ]);
  });
});

describe("validateGraph: edges", () => {
  it("rejects an edge to a node that does not exist", () => {
    const g = graph([trigger(), send("s")], [edge("e1", "t", "s"), edge("e2", "s", "ghost")]);
    expect(issuesOf(g)).toEqual([{ edgeId: "e2", message: "Connection to a node that does not exist" }]);
  });

  it("rejects an edge from a node that does not exist", () => {
    const g = linear();
    g.edges.push(edge("e3", "ghost", "d"));
    expect(issuesOf(g)).toEqual([{ edgeId: "e3", message: "Connection to a node that does not exist" }]);
  });

  it("rejects an edge out of End", () => {
    const g = linear();
    g.nodes.push(end("d2"));
    g.edges.push(edge("e3", "d", "d2"));
    expect(issuesOf(g)).toEqual([{ edgeId: "e3", nodeId: "d", message: "Nothing can follow End" }]);
  });

  it("rejects a handle the source type does not have", () => {
    const g = graph([trigger(), send("s"), end("d")], [edge("e1", "t", "s"), edge("e2", "s", "d", "replied")]);
    expect(issuesOf(g)).toEqual([{ edgeId: "e2", nodeId: "s", message: 'Send message has no output "replied"' }]);
  });

  it("rejects an edge without a handle out of a Customer Response", () => {
    const g = waiting();
    g.nodes.push(end("x"));
    g.edges.push(edge("e4", "w", "x"));
    expect(issuesOf(g)).toEqual([{ edgeId: "e4", nodeId: "w", message: 'Customer Response has no output "default"' }]);
  });

  it("rejects two edges from the same handle, naming the second", () => {
    const g = linear();
    g.nodes.push(end("d2"));
    g.edges.push(edge("e3", "s", "d2"));
    expect(issuesOf(g)).toEqual([{ edgeId: "e3", nodeId: "s", message: "An output can lead to one step only" }]);
  });

  it("treats a null sourceHandle as the default handle", () => {
    const g = linear();
    g.nodes.push(end("d2"));
    g.edges.push({ id: "e3", source: "s", target: "d2", sourceHandle: null });
    expect(issuesOf(g)).toEqual([{ edgeId: "e3", nodeId: "s", message: "An output can lead to one step only" }]);
  });
});

describe("validateGraph: required handles and reachability", () => {
  it("requires Customer Response's noResponse to be connected", () => {
    const g = waiting();
    g.edges = g.edges.filter((e) => e.sourceHandle !== "noResponse");
    g.nodes = g.nodes.filter((n) => n.id !== "n");
    expect(issuesOf(g)).toEqual([
      { nodeId: "w", path: "outputs.noResponse", message: 'Customer Response: connect the "No response" output' },
    ]);
  });

  it("requires Customer Response's replied to be connected", () => {
    const g = waiting();
    g.edges = g.edges.filter((e) => e.sourceHandle !== "replied");
    g.nodes = g.nodes.filter((n) => n.id !== "r");
    expect(issuesOf(g)).toEqual([
      { nodeId: "w", path: "outputs.replied", message: 'Customer Response: connect the "Replied" output' },
    ]);
  });

  it("allows Send message's optional output to stay unconnected", () => {
    const g = graph([trigger(), send("s")], [edge("e1", "t", "s")]);
    expect(validateGraph(g).ok).toBe(true);
  });

  it("rejects a node that cannot be reached from the trigger", () => {
    const g = linear();
    g.nodes.push(end("lost"));
    expect(issuesOf(g)).toEqual([{ nodeId: "lost", message: "End cannot be reached from the Trigger" }]);
  });

  it("rejects a loop that nothing leads into", () => {
    const g = linear();
    g.nodes.push(send("a"), send("b"));
    g.edges.push(edge("e3", "a", "b"), edge("e4", "b", "a"));
    expect(issuesOf(g)).toEqual([
      { nodeId: "a", message: "Send message cannot be reached from the Trigger" },
      { nodeId: "b", message: "Send message cannot be reached from the Trigger" },
    ]);
  });
});
