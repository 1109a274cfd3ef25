import { z } from "zod";
import { phoneSchema } from "../phone.ts";

/** The URL form of a contact known only by Meta's business-scoped user id: `user:<id>`. */
export const USER_KEY_PREFIX = "user:";

/** How a contact is named in a URL: its E.164 phone, or `user:<WhatsApp user id>`. */
export type ContactKey = { phone: string; waUserId?: never } | { waUserId: string; phone?: never };

const userIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "WhatsApp user ids are letters, digits, dots, dashes and underscores");

/** Parses a contact's key from a path segment; a 400 (ZodError) for anything else. */
export function parseContactKey(raw: string): ContactKey {
  return raw.startsWith(USER_KEY_PREFIX) ? { waUserId: userIdSchema.parse(raw.slice(USER_KEY_PREFIX.length)) } : { phone: phoneSchema.parse(raw) };
}

/** The key a contact is reached by in URLs. */
export const contactKeyOf = (contact: { phone: string | null; waUserId?: string | null }) =>
  contact.phone ?? `${USER_KEY_PREFIX}${contact.waUserId ?? ""}`;
