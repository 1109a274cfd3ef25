import { z } from "zod";
import { runStatusSchema } from "@/components/runs/run-schemas";

/** Shapes of the contacts JSON API (DESIGN.md "Contacts") as this UI reads them. */

export const contactSchema = z.object({
  id: z.string(),
  phone: z.string(),
  name: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListSchema = z.object({ contacts: z.array(contactSchema), nextCursor: z.string().nullable() });

export const activeRunSchema = z.object({
  id: z.string(),
  automationId: z.string(),
  status: runStatusSchema,
  currentNodeId: z.string().nullable(),
});
export type ActiveRun = z.infer<typeof activeRunSchema>;

export const contactDetailSchema = contactSchema.extend({ runs: z.array(activeRunSchema) });
export type ContactDetail = z.infer<typeof contactDetailSchema>;

/** The body of `PATCH /api/contacts/:phone`. */
export type ContactPatch = {
  name?: string | null;
  fields?: Record<string, string | null>;
  addTags?: string[];
  removeTags?: string[];
};

/** The contact page's path for a phone (URL-encoded: `+` would otherwise read as a space). */
export const contactHref = (phone: string) => `/contacts/${encodeURIComponent(phone)}`;
export const contactApiUrl = (phone: string) => `/api/contacts/${encodeURIComponent(phone)}`;
