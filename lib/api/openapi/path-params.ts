import { z } from "zod";

/** `{id}` of a path, described for the thing it names. */
export const idParam = (what: string) => z.object({ id: z.string().min(1).meta({ description: `The ${what}'s id` }) });

/** `{phone}` of a contact path; Next.js decodes the segment once, so `%2B39...` arrives as `+39...`. */
export const phoneParam = z.object({
  phone: z.string().min(1).meta({
    description: "The contact's E.164 phone, URL-encoded in the path (`%2B393331234567`), or `user:<WhatsApp user id>` for a contact known only by Meta's business-scoped id",
    examples: ["+393331234567"],
  }),
});
