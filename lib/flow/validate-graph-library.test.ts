import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.ts";
import type { Graph, GraphEdge, GraphNode, NodeType } from "./graph.ts";
import { validateGraph } from "./validate-graph.ts";

// Graph-level rules for the second wave's node types. Builders as in validate-graph.test.ts:
// each test states only the part of the graph its rule is about.
const node = (id: string, type: NodeType, data: Record<string, unknown> = {}): GraphNode => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (id: string, source: string, target: string, sourceHandle?: string): GraphEdge => ({
  id,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ nodes, edges });
const trigger = () => node("t", "trigger");
const end = (id: string) => node(id, "end");
const send = (id: string, data: Record<string, unknown> = { text: "Hello" }) => node(id, "sendMessage", data);

const conditionData = { combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "vip" }] };
const branchData = {
  subject: "lastReply",
  cases: [
    { id: "yes", op: "equals", value: "yes" },
    { id: "no", op: "equals", value: "no" },
  ],
};
const waitData = {
  timeout: { amount: 1, unit: "hours" },
  routes: [
    { id: "buy", label: "Buy", op: "contains", value: "buy" },
    { id: "human", label: "Talk to a human", op: "matches", value: "\\b(human|agent)\\b" },
  ],
};
const webhookData = { method: "POST", url: "https://api.shop.com/orders" };

/** trigger → the node "n", then each handle named → its own End. */
function fanOut(type: NodeType, data: Record<string, unknown>, handles: string[]): Graph {
  return graph(
    [trigger(), node("n", type, data), ...handles.map((h) => end(`end-${h}`))],
    [edge("in", "t", "n"), ...handles.map((h) => edge(`out-${h}`, "n", `end-${h}`, h))],
  );
}

function issuesOf(g: Graph): Issue[] {
  const result = validateGraph(g);
  if (result.ok) throw new Error("expected the graph to be rejected");
  return result.issues;
}

describe("validateGraph: every required handle of the new types is connected", () => {
  it("publishes a Condition with True and False connected", () => {
    expect(validateGraph(fanOut("condition", conditionData, ["true", "false"])).ok).toBe(true);
  });

  it.each([
    ["true", "True"],
    ["false", "False"],
  ])("requires the Condition's %s output", (missing, label) => {
    const handles = ["true", "false"].filter((h) => h !== missing);
    expect(issuesOf(fanOut("condition", conditionData, handles))).toEqual([
      { nodeId: "n", path: `outputs.${missing}`, message: `Condition: connect the "${label}" output` },
    ]);
  });

  it("publishes a Branch with each case and Else connected", () => {
    expect(validateGraph(fanOut("branch", branchData, ["yes", "no", "else"])).ok).toBe(true);
  });

  it("requires every Branch case, by its id", () => {
    expect(issuesOf(fanOut("branch", branchData, ["yes", "else"]))).toEqual([
      { nodeId: "n", path: "outputs.no", message: 'Branch: connect the "no" output' },
    ]);
  });

  it("requires the Branch's Else", () => {
    expect(issuesOf(fanOut("branch", branchData, ["yes", "no"]))).toEqual([
      { nodeId: "n", path: "outputs.else", message: 'Branch: connect the "Else" output' },
    ]);
  });

  it("publishes a Customer Response with its routes, Replied and No response connected", () => {
    expect(validateGraph(fanOut("customerResponse", waitData, ["buy", "human", "replied", "noResponse"])).ok).toBe(true);
  });

  it("requires each Customer Response route, named by its label", () => {
    expect(issuesOf(fanOut("customerResponse", waitData, ["buy", "replied", "noResponse"]))).toEqual([
      { nodeId: "n", path: "outputs.human", message: 'Customer Response: connect the "Talk to a human" output' },
    ]);
  });

  it("still requires Replied and No response when there are routes", () => {
    expect(issuesOf(fanOut("customerResponse", waitData, ["buy", "human"]))).toEqual([
      { nodeId: "n", path: "outputs.replied", message: 'Customer Response: connect the "Replied" output' },
      { nodeId: "n", path: "outputs.noResponse", message: 'Customer Response: connect the "No response" output' },
    ]);
  });

  it("requires the Webhook's Success output", () => {
    expect(issuesOf(fanOut("webhook", webhookData, ["failure"]))).toEqual([
      { nodeId: "n", path: "outputs.success", message: 'Webhook: connect the "Success" output' },
    ]);
  });
});

describe("validateGraph: handles that do not exist", () => {
  it("refuses an edge from a route handle the Customer Response does not have", () => {
    const g = fanOut("customerResponse", waitData, ["buy", "human", "replied", "noResponse"]);
    g.nodes.push(end("x"));
    g.edges.push(edge("stale", "n", "x", "cancel"));
    expect(issuesOf(g)).toEqual([{ edgeId: "stale", nodeId: "n", message: 'Customer Response has no output "cancel"' }]);
  });

  it("refuses an edge from a route once the route is gone", () => {
    const g = fanOut("customerResponse", { ...waitData, routes: waitData.routes.slice(1) }, ["human", "replied", "noResponse"]);
    g.nodes.push(end("x"));
    g.edges.push(edge("old", "n", "x", "buy"));
    expect(issuesOf(g)).toEqual([{ edgeId: "old", nodeId: "n", message: 'Customer Response has no output "buy"' }]);
  });

  it("refuses an edge from a case the Branch does not have", () => {
    const g = fanOut("branch", branchData, ["yes", "no", "else", "maybe"]);
    expect(issuesOf(g)).toEqual([{ edgeId: "out-maybe", nodeId: "n", message: 'Branch has no output "maybe"' }]);
  });

  it("refuses a second edge from the same route", () => {
    const g = fanOut("customerResponse", waitData, ["buy", "human", "replied", "noResponse"]);
    g.nodes.push(end("x"));
    g.edges.push(edge("twice", "n", "x", "buy"));
    expect(issuesOf(g)).toEqual([{ edgeId: "twice", nodeId: "n", message: "An output can lead to one step only" }]);
  });

  it("refuses a Condition edge without a handle", () => {
    const g = fanOut("condition", conditionData, ["true", "false"]);
    g.nodes.push(end("x"));
    g.edges.push(edge("plain", "n", "x"));
    expect(issuesOf(g)).toEqual([{ edgeId: "plain", nodeId: "n", message: 'Condition has no output "default"' }]);
  });
});

describe("validateGraph: optional handles", () => {
  it("lets the Webhook's Failure stay unconnected", () => {
    expect(validateGraph(fanOut("webhook", webhookData, ["success"])).ok).toBe(true);
  });

  it("lets Send message's Next stay unconnected", () => {
    expect(validateGraph(fanOut("sendMessage", { text: "Bye" }, [])).ok).toBe(true);
  });

  it.each<[NodeType, Record<string, unknown>]>([
    ["tag", { add: ["vip"] }],
    ["setField", { field: "city", value: "Milano" }],
    ["startAutomation", { automationId: "auto-b" }],
    ["exitAutomations", { scope: "others" }],
  ])("lets %s's Next stay unconnected", (type, data) => {
    expect(validateGraph(fanOut(type, data, [])).ok).toBe(true);
  });
});

describe("validateGraph: loops", () => {
  it("publishes a reminder loop back to an earlier step through a Customer Response", () => {
    // t → remind → wait; No response → remind again; Replied → thanks.
    const g = graph(
      [trigger(), send("remind", { text: "Still there, {{contact.name | friend}}?" }), node("wait", "customerResponse", { timeout: { amount: 1, unit: "days" } }), send("thanks")],
      [edge("e1", "t", "remind"), edge("e2", "remind", "wait"), edge("e3", "wait", "remind", "noResponse"), edge("e4", "wait", "thanks", "replied")],
    );
    expect(validateGraph(g).ok).toBe(true);
  });

  it("publishes a loop back through a Delay and a Condition", () => {
    const g = graph(
      [trigger(), node("check", "condition", conditionData), node("pause", "delay", { duration: { amount: 1, unit: "hours" } }), send("welcome")],
      [edge("e1", "t", "check"), edge("e2", "check", "welcome", "true"), edge("e3", "check", "pause", "false"), edge("e4", "pause", "check")],
    );
    expect(validateGraph(g).ok).toBe(true);
  });
});

describe("validateGraph: the published graph keeps the parsed data", () => {
  it("turns a bare template name into {name}, fills webhook defaults and trims", () => {
    const g = graph(
      [
        trigger(),
        send("s", { text: " Your order shipped ", template: "order_shipped" }),
        node("w", "webhook", webhookData),
        node("tg", "tag", { add: [" vip "] }),
        node("cr", "customerResponse", { timeout: { amount: 1, unit: "hours" }, routes: [{ id: " buy ", label: " Buy ", op: "equals", value: " yes " }] }),
        end("d1"),
        end("d2"),
        end("d3"),
      ],
      [
        edge("e1", "t", "s"),
        edge("e2", "s", "w"),
        edge("e3", "w", "tg", "success"),
        edge("e4", "tg", "cr"),
        edge("e5", "cr", "d1", "buy"),
        edge("e6", "cr", "d2", "replied"),
        edge("e7", "cr", "d3", "noResponse"),
      ],
    );
    const result = validateGraph(g);
    if (!result.ok) throw new Error(`expected a valid graph, got ${JSON.stringify(result.issues)}`);
    const data = Object.fromEntries(result.graph.nodes.map((n) => [n.id, n.data]));
    expect(data.s).toEqual({ text: "Your order shipped", template: { name: "order_shipped" } });
    expect(data.w).toEqual({ ...webhookData, timeoutSeconds: 10, retries: 2 });
    expect(data.tg).toEqual({ add: ["vip"] });
    expect(data.cr).toEqual({ timeout: { amount: 1, unit: "hours" }, routes: [{ id: "buy", label: "Buy", op: "equals", value: "yes" }] });
    expect(result.graph.edges).toEqual(g.edges);
  });
});
