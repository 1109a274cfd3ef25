import { durationSchema, toSeconds } from "./duration.ts";
import { edgeHandle, type Graph, type GraphEdge, type GraphNode } from "./graph.ts";
import { isRecord } from "./is-record.ts";

/** WhatsApp lets a business send free-form text only this long after the contact's last message. */
export const SESSION_WINDOW_SECONDS = 24 * 3600;

/**
 * Where a run can reach a free-text message outside WhatsApp's 24-hour window: the ids of the
 * sendMessage nodes without an approved template that some path reaches while the contact may
 * not have written in the last 24 hours. Worst case over all paths: the contact may never have
 * written before the trigger; a Customer Response's Replied or route outcome reopens the window;
 * its No response (and Delivery failed) path adds its timeout to the silence since the last
 * reply, and a Delay adds its duration (an `until` delay closes the window, see `silenceAdded`).
 *
 * O(V + E) per pass over the graph: the edges are grouped by source once. A node is visited again
 * only when a worse silence reaches it, and silences are capped at the window (anything longer is
 * Infinity), so loops end: every trip round a loop without a reply adds at least one wait.
 */
export function textOutsideWindow({ nodes, edges }: Graph): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = edgesBySource(edges);
  // Worst known silence (seconds since the contact's last message) on arrival at each node;
  // Infinity: possibly never wrote, or more than 24 h ago.
  const silence = new Map<string, number>();
  const queue: string[] = [];
  const arrive = (nodeId: string, seconds: number) => {
    if ((silence.get(nodeId) ?? -1) >= seconds) return;
    silence.set(nodeId, seconds);
    queue.push(nodeId);
  };
  for (const node of nodes) if (node.type === "trigger") arrive(node.id, Infinity);
  // An index, not queue.shift(): shifting is O(queue) per visit.
  for (let head = 0; head < queue.length; head++) {
    const nodeId = queue[head] ?? "";
    const node = byId.get(nodeId);
    const arrived = silence.get(nodeId) ?? Infinity;
    for (const edge of outgoing.get(nodeId) ?? []) {
      const added = node ? silenceAdded(node, edgeHandle(edge)) : 0;
      arrive(edge.target, added === null ? 0 : capped(arrived + added));
    }
  }
  const outside = new Set<string>();
  for (const node of nodes) {
    const seconds = silence.get(node.id);
    if (node.type === "sendMessage" && !hasTemplate(node.data) && seconds !== undefined && seconds >= SESSION_WINDOW_SECONDS) outside.add(node.id);
  }
  return outside;
}

/** Each node's outgoing edges, in the graph's order. */
export function edgesBySource<E extends Pick<GraphEdge, "source">>(edges: readonly E[]): Map<string, E[]> {
  const bySource = new Map<string, E[]>();
  for (const edge of edges) {
    const list = bySource.get(edge.source);
    if (list) list.push(edge);
    else bySource.set(edge.source, [edge]);
  }
  return bySource;
}

/** Customer Response outcomes on which the contact has not written. */
const SILENT_OUTCOMES = new Set(["noResponse", "deliveryFailed"]);

/**
 * Seconds of silence a node adds on the way out through `handle`, or null when the contact has
 * just written (the window opens again). Webhook retries, branches and the rest add nothing that
 * matters next to 24 hours.
 */
function silenceAdded(node: GraphNode, handle: string): number | null {
  if (node.type === "customerResponse") return SILENT_OUTCOMES.has(handle) ? durationSeconds(node.data.timeout) : null;
  if (node.type === "delay") {
    // `until` a time of day (on some weekdays) may wait up to a week: closed, however short the
    // silence before it. A time of day every day still waits up to 24 hours, the whole window.
    if (isRecord(node.data.until)) return Infinity;
    return durationSeconds(node.data.duration);
  }
  return 0;
}

/** A draft's duration, read leniently: an incomplete one counts as none (publish reports it). */
function durationSeconds(value: unknown): number {
  const parsed = durationSchema.safeParse(value);
  return parsed.success ? toSeconds(parsed.data) : 0;
}

const capped = (seconds: number) => (seconds >= SESSION_WINDOW_SECONDS ? Infinity : seconds);

/** A template given by name, or as `{name, ...}` (DESIGN.md). */
const hasTemplate = (data: Record<string, unknown>) => {
  const template = data.template;
  if (typeof template === "string") return template.trim() !== "";
  return isRecord(template) && typeof template.name === "string" && template.name.trim() !== "";
};
