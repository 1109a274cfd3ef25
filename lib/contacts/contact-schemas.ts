import { z } from "zod";
import { cursorParam, limitParam, timeAndIdKey } from "../api/pagination.ts";
import { FIELD_KEY_PATTERN, tagSchema } from "../flow/field-key.ts";
import { phoneSchema } from "../phone.ts";

/** Caps that keep one contact's row small; exceeding one is a 400 naming it. */
export const MAX_FIELDS = 100;
export const MAX_FIELD_VALUE = 1000;
export const MAX_TAGS = 100;
export const MAX_NAME = 200;

/** DESIGN.md: field keys are free-form but shaped like identifiers. */
export const fieldKeySchema = z.string().regex(FIELD_KEY_PATTERN, "Field keys match ^[a-z][a-z0-9_]{0,49}$");
export const fieldValueSchema = z.string().max(MAX_FIELD_VALUE, `Field values are at most ${MAX_FIELD_VALUE} characters`);
export { tagSchema };
const nameSchema = z.string().trim().max(MAX_NAME, `Names are at most ${MAX_NAME} characters`);
const tagList = z.array(tagSchema).max(MAX_TAGS, `At most ${MAX_TAGS} tags`);

/** `fields` as a JSON object; keys are checked one by one so the issue names the bad key. */
const fieldsOf = <V extends z.ZodType>(value: V) =>
  z.record(fieldKeySchema, value).refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `At most ${MAX_FIELDS} fields`);

export const upsertContactBody = z.strictObject({
  phone: phoneSchema,
  name: nameSchema.optional(),
  fields: fieldsOf(fieldValueSchema).optional(),
  tags: tagList.optional(),
});
export type UpsertContactBody = z.infer<typeof upsertContactBody>;

export const patchContactBody = z.strictObject({
  /** null clears the name. */
  name: nameSchema.nullable().optional(),
  /** null removes that field. */
  fields: fieldsOf(fieldValueSchema.nullable()).optional(),
  addTags: tagList.optional(),
  removeTags: tagList.optional(),
});
export type PatchContactBody = z.infer<typeof patchContactBody>;

export const listContactsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  tag: tagSchema.optional(),
  cursor: cursorParam(timeAndIdKey).optional(),
  limit: limitParam(50, 200),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

/** A contact row as read back: the JSON column is parsed with zod, never trusted as-is. */
export const contactRow = z.object({
  id: z.string(),
  phone: phoneSchema.nullable(),
  waUserId: z.string().nullable().optional(),
  name: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  createdAt: z.date(),
});
export type ContactRow = z.infer<typeof contactRow>;

/** The public shape (DESIGN.md "Contacts"). */
export const toContact = (row: unknown) => {
  const c = contactRow.parse(row);
  // waUserId only when known: the contact shape of DESIGN.md stays as it was for everyone else.
  return { id: c.id, phone: c.phone, ...(c.waUserId ? { waUserId: c.waUserId } : {}), name: c.name, fields: c.fields, tags: c.tags, createdAt: c.createdAt.toISOString() };
};
export type Contact = ReturnType<typeof toContact>;
