import { z } from "zod";
import { phoneSchema } from "../phone.ts";

/** The body of POST /api/messages/inbound: a sandbox message from a contact. */
export const inboundInput = z
  .object({
    from: phoneSchema,
    text: z.string().min(1, "Text is required").max(4096).optional(),
    id: z.string().trim().min(1).max(200).optional(),
    /** A quick-reply button press (DESIGN.md): its id; the text defaults to it. */
    buttonId: z.string().trim().min(1).max(256).optional(),
  })
  .refine((input) => input.text !== undefined || input.buttonId !== undefined, { path: ["text"], message: "Text is required" });
