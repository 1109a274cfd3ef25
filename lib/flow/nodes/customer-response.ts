import { z } from "zod";
import { boundedDurationSchema } from "../duration.ts";
import { defineNode } from "../node-definition.ts";

export const customerResponseConfig = z.object({ timeout: boundedDurationSchema });
export type CustomerResponseConfig = z.infer<typeof customerResponseConfig>;

export const customerResponse = defineNode({
  type: "customerResponse",
  label: "Customer Response",
  description: "Waits for the contact to reply. A reply in time takes Replied; silence takes No response.",
  config: customerResponseConfig,
  defaults: { timeout: { amount: 1, unit: "hours" } },
  outputs: [
    { id: "replied", label: "Replied", required: true },
    { id: "noResponse", label: "No response", required: true },
  ],
  acceptsInput: true,
});
