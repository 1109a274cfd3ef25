import { z } from "zod";

export const nodeTypes = [
  "trigger",
  "sendMessage",
  "customerResponse",
  "condition",
  "branch",
  "delay",
  "tag",
  "setField",
  "webhook",
  "startAutomation",
  "exitAutomations",
  "handoff",
  "end",
] as const;
export type NodeType = (typeof nodeTypes)[number];

/**
 * Output handle ids: one vocabulary for <Handle id>, edges, executor results and history rows.
 * These are the fixed ones; Customer Response routes and Branch cases add handles named by
 * their own ids (see `userHandleId`).
 */
export const fixedHandleIds = ["default", "replied", "noResponse", "true", "false", "else", "success", "failure", "deliveryFailed"] as const;
export type HandleId = string;

/** Ids a marketer gives routes and cases: handle-safe, and never one of the fixed handles. */
export const userHandleId = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, "Ids start with a letter and use letters, digits, _ or - (at most 40)")
  .refine((id) => !(fixedHandleIds as readonly string[]).includes(id), { message: "This id is reserved for a built-in output" });

const id = z.string().trim().min(1, "Required").max(100);

// Draft shape: node data stays loose here because drafts may be incomplete; publish checks it.
export const graphNodeSchema = z.object({
  id,
  type: z.enum(nodeTypes),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const graphEdgeSchema = z.object({
  id,
  source: id,
  target: id,
  // Single-output nodes use edges without a sourceHandle (React Flow sends null for them).
  sourceHandle: z.string().max(100).nullish(),
});

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(500),
  edges: z.array(graphEdgeSchema).max(2000),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type Graph = z.infer<typeof graphSchema>;

export const emptyGraph = (): Graph => ({
  nodes: [{ id: "trigger", type: "trigger", position: { x: 0, y: 0 }, data: {} }],
  edges: [],
});

export const edgeHandle = (edge: Pick<GraphEdge, "sourceHandle">): string =>
  edge.sourceHandle ?? "default";
