import { z } from "zod";
import { graphEdgeSchema, graphNodeSchema, nodeTypes, type GraphNode, type NodeType } from "./graph.ts";
import { nodeDefinitions, type NodeDefinitions } from "./registry.ts";

/** A published node of type T: its data parsed by that type's config schema. */
export type PublishedNodeOf<T extends NodeType> = Omit<GraphNode, "type" | "data"> & {
  type: T;
  data: z.output<NodeDefinitions[T]["config"]>;
};
/** Derived from the registry: a new type is part of it as soon as it has a definition. */
export type PublishedNode = { [T in NodeType]: PublishedNodeOf<T> }[NodeType];

/** Parses a node's data with its own type's schema (kept for each type, so no union is written by hand). */
function publishedNodeSchemaOf<T extends NodeType>(type: T) {
  return graphNodeSchema.extend({ type: z.literal(type), data: nodeDefinitions[type].config });
}

const nodeSchemas = new Map<string, z.ZodType>(nodeTypes.map((type) => [type, publishedNodeSchemaOf(type)]));

/** A validated graph: every node's data parsed by its type's config schema. */
export const publishedNodeSchema = z.custom<PublishedNode>().transform((value, ctx): PublishedNode => {
  const base = graphNodeSchema.safeParse(value);
  if (!base.success) {
    for (const issue of base.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
    return z.NEVER;
  }
  const parsed = nodeSchemas.get(base.data.type)?.safeParse(value);
  if (!parsed?.success) {
    for (const issue of parsed?.error.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return toPublishedNode(parsed.data);
});

/**
 * The one place a parsed node is given its per-type TypeScript shape: each schema in
 * `nodeSchemas` is exactly `PublishedNodeOf<type>`, which the compiler cannot follow through a Map.
 */
const toPublishedNode = (node: unknown) => node as PublishedNode;

export const publishedGraphSchema = z.object({
  nodes: z.array(publishedNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type PublishedGraph = z.infer<typeof publishedGraphSchema>;
