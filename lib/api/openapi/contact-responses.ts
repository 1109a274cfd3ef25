import { z } from "zod";
import { runStatusSchema } from "./run-responses.ts";
import { nextCursor, timestamp } from "./timestamp.ts";

/** `toContact` (lib/contacts/contact-schemas.ts), DESIGN.md "Contacts". */
export const contactSchema = z
  .object({
    id: z.string(),
    phone: z.string().nullable().meta({ description: "E.164; null for a contact known only by its WhatsApp user id" }),
    waUserId: z.string().optional().meta({ description: "Meta's business-scoped user id, when known" }),
    name: z.string().nullable(),
    fields: z.record(z.string(), z.string()).meta({ description: "Free-form fields, keys matching `^[a-z][a-z0-9_]{0,49}$`" }),
    tags: z.array(z.string()),
    createdAt: timestamp,
  })
  .meta({ id: "Contact" });

/** `getContact` (lib/contacts/get-contact.ts): the contact and its active runs, oldest first. */
export const contactWithRunsSchema = contactSchema
  .extend({
    runs: z.array(z.object({ id: z.string(), automationId: z.string(), status: runStatusSchema, currentNodeId: z.string().nullable() })),
  })
  .meta({ id: "ContactWithRuns" });

export const contactListSchema = z.object({ contacts: z.array(contactSchema), nextCursor }).meta({ id: "ContactList" });

export const fieldKeysSchema = z
  .object({ keys: z.array(z.string()).meta({ description: "Field keys some contact has, alphabetically (at most 500)" }) })
  .meta({ id: "FieldKeys" });
