import { z } from "zod";
import { defineNode } from "../node-definition.ts";

/** Whether the target exists, has a published version and is not this automation is checked at publish (it needs the database). */
export const startAutomationConfig = z.object({
  automationId: z.string().trim().min(1, "Choose the automation to start").max(100),
});
export type StartAutomationConfig = z.infer<typeof startAutomationConfig>;

export const startAutomation = defineNode({
  type: "startAutomation",
  label: "Start automation",
  description: "Starts another automation's published version for the contact, then goes on.",
  category: "Flow",
  config: startAutomationConfig,
  defaults: { automationId: "" },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
