import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge, GraphNode } from "./graph.ts";
import { textOutsideWindow } from "./session-window.ts";

const at = { x: 0, y: 0 };
const trigger = (id = "t"): GraphNode => ({ id, type: "trigger", position: at, data: {} });
const send = (id: string, template?: string): GraphNode => ({ id, type: "sendMessage", position: at, data: { text: "hi", ...(template ? { template } : {}) } });
const wait = (id: string, amount: number, unit: "hours" | "days"): GraphNode => ({ id, type: "customerResponse", position: at, data: { timeout: { amount, unit } } });
const delay = (id: string, data: Record<string, unknown>): GraphNode => ({ id, type: "delay", position: at, data });
const node = (id: string, type: GraphNode["type"], data: Record<string, unknown> = {}): GraphNode => ({ id, type, position: at, data });
const edge = (source: string, target: string, sourceHandle?: string): GraphEdge => ({ id: `${source}-${sourceHandle ?? ""}-${target}`, source, target, sourceHandle });
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ nodes, edges });

describe("textOutsideWindow", () => {
  it("flags a first free-text message: the contact may never have written", () => {
    expect(textOutsideWindow(graph([trigger(), send("a")], [edge("t", "a")]))).toEqual(new Set(["a"]));
  });

  it("does not flag a message sent as an approved template", () => {
    expect(textOutsideWindow(graph([trigger(), send("a", "order_ready")], [edge("t", "a")]))).toEqual(new Set());
  });

  it("a Replied outcome opens the window; No response keeps it closed", () => {
    const g = graph(
      [trigger(), send("ask", "order_ready"), wait("w", 1, "hours"), send("thanks"), send("remind")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "thanks", "replied"), edge("w", "remind", "noResponse")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["remind"]));
  });

  it("silence after a reply adds up: a second No response past 24 h flags, under 24 h does not", () => {
    const chain = (hours: number) =>
      graph(
        [trigger(), send("ask", "t1"), wait("w1", 1, "hours"), wait("w2", hours, "hours"), send("late"), send("ok")],
        [edge("t", "ask"), edge("ask", "w1"), edge("w1", "w2", "replied"), edge("w1", "ok", "noResponse"), edge("w2", "late", "noResponse"), edge("w2", "ok", "replied")],
      );
    expect(textOutsideWindow(chain(23))).toEqual(new Set(["ok"])); // "ok" is also reached by w1's No response
    expect(textOutsideWindow(chain(24))).toEqual(new Set(["ok", "late"]));
  });

  it("takes the worst path into a node and terminates on loops", () => {
    const g = graph(
      [trigger(), send("ask", "t1"), wait("w", 10, "hours"), send("nudge")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "nudge", "noResponse"), edge("nudge", "w"), edge("w", "ask", "replied")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["nudge"]));
  });

  it("does not flag unreachable messages (publish reports those)", () => {
    expect(textOutsideWindow(graph([trigger(), send("a", "x"), send("orphan")], [edge("t", "a")]))).toEqual(new Set());
  });

  it("takes a template given as {name, ...}", () => {
    const g = graph([trigger(), node("a", "sendMessage", { text: "hi", template: { name: "order_ready", language: "en" } })], [edge("t", "a")]);
    expect(textOutsideWindow(g)).toEqual(new Set());
  });

  it("a Delay adds its duration to the silence since the last reply", () => {
    const chain = (hours: number) =>
      graph(
        [trigger(), send("ask", "t1"), wait("w", 1, "hours"), delay("d", { duration: { amount: hours, unit: "hours" } }), send("after")],
        [edge("t", "ask"), edge("ask", "w"), edge("w", "d", "replied"), edge("d", "after")],
      );
    expect(textOutsideWindow(chain(23))).toEqual(new Set());
    expect(textOutsideWindow(chain(24))).toEqual(new Set(["after"]));
  });

  it("a Delay until a time of day closes the window: it may wait days", () => {
    const g = graph(
      [trigger(), send("ask", "t1"), wait("w", 1, "hours"), delay("d", { until: { time: "09:00", weekdays: ["mon"], timezone: "Europe/Rome" } }), send("after")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "d", "replied"), edge("d", "after")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["after"]));
  });

  it("a Customer Response route reopens the window like Replied; Delivery failed does not", () => {
    const routes = [{ id: "yes", label: "Yes", op: "equals", value: "yes" }];
    const g = graph(
      [trigger(), send("ask", "t1"), node("w", "customerResponse", { timeout: { amount: 1, unit: "hours" }, routes }), send("onYes"), send("failed"), send("silent")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "onYes", "yes"), edge("w", "failed", "deliveryFailed"), edge("w", "silent", "noResponse")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["failed", "silent"]));
  });

  it("passes the silence through the steps that do not wait (webhook retries included)", () => {
    const g = graph(
      [
        trigger(),
        send("ask", "t1"),
        wait("w", 1, "hours"),
        node("hook", "webhook", { method: "POST", url: "https://example.com", retries: 5 }),
        node("tag", "tag", { add: ["x"] }),
        send("ok"),
        send("late"),
      ],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "hook", "replied"), edge("hook", "tag", "success"), edge("tag", "ok"), edge("w", "late", "noResponse")],
    );
    expect(textOutsideWindow(g)).toEqual(new Set(["late"]));
  });

  it("ends on a loop that only adds silence (a 5-second reminder loop)", () => {
    const g = graph(
      [trigger(), send("ask", "t1"), wait("w", 5, "hours"), delay("d", { duration: { amount: 5, unit: "seconds" } }), send("nudge")],
      [edge("t", "ask"), edge("ask", "w"), edge("w", "d", "noResponse"), edge("d", "nudge"), edge("nudge", "w"), edge("w", "ask", "replied")],
    );
    // ask is reached by a reply (0) and by the trigger (Infinity): the worst is Infinity, but it has a template.
    expect(textOutsideWindow(g)).toEqual(new Set(["nudge"]));
  });

  it("stays linear on a long chain (each edge looked at once per visit)", () => {
    const nodes = [trigger(), ...Array.from({ length: 2000 }, (_, i) => send(`s${i}`))];
    const edges = [edge("t", "s0"), ...Array.from({ length: 1999 }, (_, i) => edge(`s${i}`, `s${i + 1}`))];
    const started = performance.now();
    expect(textOutsideWindow(graph(nodes, edges)).size).toBe(2000);
    expect(performance.now() - started).toBeLessThan(200); // the old edges.filter per node: seconds
  });
});
