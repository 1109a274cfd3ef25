import { z } from "zod";
import { defineNode } from "../node-definition.ts";

export const endConfig = z.object({});

export const end = defineNode({
  type: "end",
  label: "End",
  description: "Finishes the run.",
  category: "Flow",
  config: endConfig,
  defaults: {},
  outputs: [],
  acceptsInput: true,
});
