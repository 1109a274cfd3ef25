import { z } from "zod";
import { boundedDurationSchema } from "../duration.ts";
import { fieldKeySchema } from "../field-key.ts";
import { userHandleId } from "../graph.ts";
import { uniqueIds } from "../unique-ids.ts";
import { defineNode, listedOutputs } from "../node-definition.ts";
import { regexIssue } from "../regex-issue.ts";

export const routeOps = ["equals", "contains", "startsWith", "matches"] as const;
export type RouteOp = (typeof routeOps)[number];
export const MAX_ROUTES = 10;

const routeSchema = z
  .object({
    id: userHandleId,
    label: z.string().trim().min(1, "Give the route a label").max(40, "Labels are at most 40 characters"),
    op: z.enum(routeOps),
    value: z.string().trim().min(1, "Say what the reply must match").max(500, "At most 500 characters"),
  })
  .superRefine((route, ctx) => {
    const problem = route.op === "matches" ? regexIssue(route.value) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export type Route = z.infer<typeof routeSchema>;

export const customerResponseConfig = z.object({
  timeout: boundedDurationSchema,
  /** Stores the reply's text in this contact field. */
  saveReplyTo: fieldKeySchema.optional().or(z.literal("").transform(() => undefined)),
  routes: z
    .array(routeSchema)
    .max(MAX_ROUTES, `At most ${MAX_ROUTES} routes`)
    .superRefine(uniqueIds("Route"))
    .optional(),
});
export type CustomerResponseConfig = z.infer<typeof customerResponseConfig>;

export const customerResponse = defineNode({
  type: "customerResponse",
  label: "Customer Response",
  description: "Waits for the contact to reply. A reply in time takes Replied (or the first route it matches); silence takes No response.",
  category: "Messages",
  config: customerResponseConfig,
  defaults: { timeout: { amount: 1, unit: "hours" } },
  dataOutputs: (data) => listedOutputs(data.routes, (route, id) => (typeof route.label === "string" && route.label.trim() ? route.label.trim() : id)),
  outputs: [
    { id: "replied", label: "Replied", required: true },
    { id: "noResponse", label: "No response", required: true },
    // Optional: taken when the message before the wait is reported failed; unconnected, the wait goes on.
    { id: "deliveryFailed", label: "Not delivered", required: false },
  ],
  acceptsInput: true,
  waits: true,
});
