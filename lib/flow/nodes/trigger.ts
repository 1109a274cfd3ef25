import { z } from "zod";
import { defineNode } from "../node-definition.ts";

export const triggerConfig = z.object({});

export const trigger = defineNode({
  type: "trigger",
  label: "Trigger",
  description: "Where every run starts: the contacts you start the automation for enter here.",
  category: "Flow",
  config: triggerConfig,
  defaults: {},
  outputs: [{ id: "default", label: "Start", required: true }],
  acceptsInput: false,
});
