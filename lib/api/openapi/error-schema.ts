import { z } from "zod";

/** One problem with a request (lib/errors.ts `Issue`): where, and what is wrong. */
export const issueSchema = z
  .object({
    path: z.string().optional().meta({ description: "Dotted path of the field at fault, e.g. `contacts.0.phone`" }),
    nodeId: z.string().optional().meta({ description: "The graph node at fault (publishing)" }),
    edgeId: z.string().optional().meta({ description: "The graph edge at fault (publishing)" }),
    message: z.string(),
  })
  .meta({ id: "Issue" });

/** Every 4xx answer (DESIGN.md "Public contract"): never a 5xx for bad input. */
export const errorSchema = z
  .object({
    error: z.string().meta({ description: "What went wrong, in words a person can read" }),
    issues: z.array(issueSchema).optional(),
  })
  .meta({ id: "Error", examples: [{ error: "Invalid request body", issues: [{ path: "name", message: "Name is required" }] }] });
