import { z } from "zod";
import { defineNode } from "../node-definition.ts";

export const exitAutomationsConfig = z
  .object({
    scope: z.enum(["others", "selected"]),
    automationIds: z.array(z.string().trim().min(1).max(100)).max(50, "At most 50 automations").optional(),
  })
  .refine((data) => data.scope === "others" || (data.automationIds?.length ?? 0) > 0, {
    path: ["automationIds"],
    message: "Choose at least one automation",
  });
export type ExitAutomationsConfig = z.infer<typeof exitAutomationsConfig>;

export const exitAutomations = defineNode({
  type: "exitAutomations",
  label: "Exit automations",
  description: "Cancels the contact's runs in other automations (all, or the ones you choose).",
  category: "Flow",
  config: exitAutomationsConfig,
  defaults: { scope: "others" },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
