import { z } from "zod";
import { graphEdgeSchema, graphNodeSchema } from "./graph.ts";
import { customerResponseConfig } from "./nodes/customer-response.ts";
import { endConfig } from "./nodes/end.ts";
import { sendMessageConfig } from "./nodes/send-message.ts";
import { triggerConfig } from "./nodes/trigger.ts";

/** A validated graph: every node's data parsed by its type's config schema. */
export const publishedNodeSchema = z.discriminatedUnion("type", [
  graphNodeSchema.extend({ type: z.literal("trigger"), data: triggerConfig }),
  graphNodeSchema.extend({ type: z.literal("sendMessage"), data: sendMessageConfig }),
  graphNodeSchema.extend({ type: z.literal("customerResponse"), data: customerResponseConfig }),
  graphNodeSchema.extend({ type: z.literal("end"), data: endConfig }),
]);

export const publishedGraphSchema = z.object({
  nodes: z.array(publishedNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type PublishedNode = z.infer<typeof publishedNodeSchema>;
export type PublishedGraph = z.infer<typeof publishedGraphSchema>;
