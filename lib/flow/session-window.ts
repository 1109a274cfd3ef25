import { toSeconds } from "./duration.ts";
import { customerResponseConfig } from "./nodes/customer-response.ts";
import { edgeHandle, type Graph } from "./graph.ts";

/** WhatsApp lets a business send free-form text only this long after the contact's last message. */
export const SESSION_WINDOW_SECONDS = 24 * 3600;

/**
 * Where a run can reach a free-text message outside WhatsApp's 24-hour window: the ids of the
 * sendMessage nodes without an approved template that some path reaches while the contact may
 * not have written in the last 24 hours. Worst case over all paths: the contact may never have
 * written before the trigger; a Replied outcome reopens the window; a No response path adds the
 * Customer Response's timeout to the silence since the last reply.
 */
export function textOutsideWindow({ nodes, edges }: Graph): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Worst known silence (seconds since the contact's last message) on arrival at each node;
  // Infinity: possibly never wrote, or more than 24 h ago.
  const silence = new Map<string, number>();
  const queue: string[] = [];
  const arrive = (nodeId: string, seconds: number) => {
    if ((silence.get(nodeId) ?? -1) >= seconds) return;
    silence.set(nodeId, seconds);
    queue.push(nodeId);
  };
  for (const trigger of nodes.filter((n) => n.type === "trigger")) arrive(trigger.id, Infinity);
  for (let nodeId = queue.shift(); nodeId !== undefined; nodeId = queue.shift()) {
    const node = byId.get(nodeId);
    const arrived = silence.get(nodeId) ?? Infinity;
    for (const edge of edges.filter((e) => e.source === nodeId)) {
      if (node?.type !== "customerResponse") arrive(edge.target, arrived);
      else if (edgeHandle(edge) === "replied") arrive(edge.target, 0);
      else arrive(edge.target, capped(arrived + waitSeconds(node.data)));
    }
  }
  const outside = new Set<string>();
  for (const node of nodes) {
    const seconds = silence.get(node.id);
    if (node.type === "sendMessage" && !hasTemplate(node.data) && seconds !== undefined && seconds >= SESSION_WINDOW_SECONDS) outside.add(node.id);
  }
  return outside;
}

const capped = (seconds: number) => (seconds >= SESSION_WINDOW_SECONDS ? Infinity : seconds);

function waitSeconds(data: unknown): number {
  const parsed = customerResponseConfig.safeParse(data);
  return parsed.success ? toSeconds(parsed.data.timeout) : 0;
}

const hasTemplate = (data: Record<string, unknown>) => typeof data.template === "string" && data.template.trim() !== "";
