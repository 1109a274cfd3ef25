import { AppError } from "../errors.ts";
import { MAX_FIELDS, MAX_TAGS } from "./contact-schemas.ts";

/**
 * Pure changes to a contact's fields and tags, applied to the row read under its lock. Caps are
 * checked on the result, so a merge that would pass them is a 400 and writes nothing.
 */

/** `null` removes a field; any other value sets it. */
export function mergeFields(current: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > MAX_FIELDS) {
    throw new AppError("bad_request", "Too many fields", [{ path: "fields", message: `A contact has at most ${MAX_FIELDS} fields` }]);
  }
  return next;
}

/** Adds the tags not there yet ignoring case; an existing tag keeps the casing it was stored with. */
export function addTags(current: string[], added: string[], path = "tags"): string[] {
  const next = [...current];
  const seen = new Set(current.map(tagKey));
  for (const tag of added) {
    if (seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    next.push(tag);
  }
  if (next.length > MAX_TAGS) {
    throw new AppError("bad_request", "Too many tags", [{ path, message: `A contact has at most ${MAX_TAGS} tags` }]);
  }
  return next;
}

/** Removes tags ignoring case. */
export function removeTags(current: string[], removed: string[]): string[] {
  const gone = new Set(removed.map(tagKey));
  return current.filter((tag) => !gone.has(tagKey(tag)));
}

/** How tags compare: lower-cased, as the tag filter's index (contact_tags_lower) does. */
export const tagKey = (tag: string) => tag.toLowerCase();
