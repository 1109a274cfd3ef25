import type { z } from "zod";
import type { HandleId, NodeType } from "./graph.ts";

export type OutputHandle = {
  id: HandleId;
  label: string;
  /** Publishing fails while a required handle has no edge; an unconnected optional one ends the run. */
  required: boolean;
};

/** The isomorphic half of a node type: what the editor and the server both need to know. */
export type NodeDefinition<Config extends z.ZodType = z.ZodType> = {
  type: NodeType;
  label: string;
  description: string;
  config: Config;
  defaults: z.infer<Config>;
  outputs: readonly OutputHandle[];
  /** False for the trigger: nothing may lead into the start. */
  acceptsInput: boolean;
};

export const defineNode = <Config extends z.ZodType>(definition: NodeDefinition<Config>) =>
  definition;
