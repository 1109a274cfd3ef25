import { z } from "zod";
import { runStatusSchema } from "@/components/runs/run-schemas";
import { contactKeyOf, USER_KEY_PREFIX } from "@/lib/contacts/contact-key";

/** Shapes of the contacts JSON API (DESIGN.md "Contacts") as this UI reads them. */

export const contactSchema = z.object({
  id: z.string(),
  /** Null for a contact known only by its WhatsApp (business-scoped) user id. */
  phone: z.string().nullable(),
  waUserId: z.string().nullish(),
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

/** How a contact is reached: its phone, or its WhatsApp user id (a run summary carries the same pair). */
type Reachable = { phone: string | null; waUserId?: string | null };

/** The contact's key in URLs, the server's own definition (`lib/contacts/contact-key.ts`): the phone, else `user:<waUserId>`. */
export const contactKey = (contact: Reachable): string => contactKeyOf(contact);

/** How a contact's number is shown: the phone, else "WhatsApp user <id>". */
export const contactLabel = (contact: Reachable): string =>
  contact.phone ?? (contact.waUserId ? `WhatsApp user ${contact.waUserId}` : "Unknown contact");

/** The same words for a key read from a URL. */
export const contactKeyLabel = (key: string): string =>
  key.startsWith(USER_KEY_PREFIX) ? contactLabel({ phone: null, waUserId: key.slice(USER_KEY_PREFIX.length) }) : key;

/** The contact page's path for a key (URL-encoded: `+` would otherwise read as a space). */
export const contactHref = (key: string) => `/contacts/${encodeURIComponent(key)}`;
export const contactApiUrl = (key: string) => `/api/contacts/${encodeURIComponent(key)}`;
