import { z } from "zod";
import { defineNode } from "../node-definition.ts";

export const handoffConfig = z.object({
  note: z.string().trim().max(500, "At most 500 characters").optional(),
});
export type HandoffConfig = z.infer<typeof handoffConfig>;

export const handoff = defineNode({
  type: "handoff",
  label: "Handoff",
  description: "Opens a conversation for a person in the Inbox; the run goes on.",
  category: "Flow",
  config: handoffConfig,
  defaults: {},
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
