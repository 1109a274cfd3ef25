import { nodeTypes, type Graph, type GraphEdge, type GraphNode, type NodeType } from "../lib/flow/graph.ts";
import { nodeDefinitions, nodeOutputs } from "../lib/flow/registry.ts";

/**
 * The order new steps come in: mostly single-output steps, as in a real automation, with the
 * branching and closing ones spread out. Any type missing here (a new one) is appended, so the
 * graph always holds every type.
 */
const PREFERRED: NodeType[] = [
  "sendMessage",
  "customerResponse",
  "sendMessage",
  "tag",
  "condition",
  "setField",
  "delay",
  "sendMessage",
  "webhook",
  "branch",
  "startAutomation",
  "customerResponse",
  "exitAutomations",
  "end",
];
const MIX: NodeType[] = [...PREFERRED, ...nodeTypes.filter((t) => t !== "trigger" && !PREFERRED.includes(t))];

const COLUMN = 340;
const ROW = 230;
/** Rows per column: a fuller layer spills into the next, so the graph grows wide, not tall. */
const MAX_ROWS = 12;

type Open = { source: string; type: NodeType; handle: string; layer: number };

/**
 * A plausible automation of exactly `total` nodes: a trigger, then steps of every type with their
 * definition's defaults (valid data), each output handle leading to a new step in the next layer,
 * breadth first. A Send message reached by a No response goes back to its Customer Response
 * (a reminder loop, through a wait); the handles still open at the end lead to a last layer of
 * End nodes. `startAutomationId` is the automation a Start automation step starts.
 */
export function benchGraph(total: number, startAutomationId: string): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const layers: string[][] = [];
  /** Puts a node in the first layer from `layer` on with room, and returns that layer. */
  const place = (id: string, type: NodeType, layer: number, data: Record<string, unknown>, rows = MAX_ROWS): number => {
    while ((layers[layer]?.length ?? 0) >= rows) layer++;
    (layers[layer] ??= []).push(id);
    nodes.push({ id, type, position: { x: layer * COLUMN, y: 0 }, data });
    return layer;
  };
  const connect = (source: string, handle: string, target: string) =>
    edges.push({ id: `e-${source}-${handle}-${target}`, source, target, ...(handle === "default" ? {} : { sourceHandle: handle }) });

  place("trigger", "trigger", 0, {});
  const open: Open[] = [{ source: "trigger", type: "trigger", handle: "default", layer: 0 }];
  const ends = Math.max(1, Math.round(total / 30));
  for (let i = 0; nodes.length < total - ends; i++) {
    const from = open.shift();
    if (!from) throw new Error(`The graph closed at ${nodes.length} nodes`);
    const type = MIX[i % MIX.length] ?? "sendMessage";
    const id = `${type}-${nodes.length}`;
    const data = stepData(type, nodes.length, startAutomationId);
    const layer = place(id, type, from.layer + 1, data);
    connect(from.source, from.handle, id);
    const reminder = type === "sendMessage" && from.type === "customerResponse" && from.handle === "noResponse";
    for (const output of nodeOutputs(type, data)) {
      if (reminder) connect(id, output.id, from.source);
      else open.push({ source: id, type, handle: output.id, layer });
    }
  }
  const lastLayer = layers.length;
  const endIds = Array.from({ length: ends }, (_, i) => `end-final-${i}`);
  for (const id of endIds) place(id, "end", lastLayer, {}, Infinity);
  open.forEach((handle, i) => connect(handle.source, handle.handle, endIds[i % ends] ?? "end-final-0"));

  // Each layer a column, centred on the trigger's row.
  const row = new Map(layers.flatMap((column) => column.map((id, i): [string, number] => [id, (i - (column.length - 1) / 2) * ROW])));
  for (const node of nodes) node.position.y = Math.round(row.get(node.id) ?? 0);
  return { nodes, edges };
}

function stepData(type: NodeType, index: number, startAutomationId: string): Record<string, unknown> {
  const data: Record<string, unknown> = structuredClone(nodeDefinitions[type].defaults);
  if (type === "sendMessage") data.text = `Step ${index}: Hi {{contact.name | there}}, how is your order going?`;
  if (type === "startAutomation") data.automationId = startAutomationId;
  // Every other Customer Response routes replies too, so route handles are part of the graph.
  if (type === "customerResponse" && index % 2 === 0) data.routes = [{ id: "yes", label: "Yes", op: "equals", value: "yes" }];
  return data;
}
