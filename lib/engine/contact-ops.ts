import { AppError } from "../errors.ts";
import { addTags, mergeFields, removeTags } from "../contacts/contact-data.ts";

/** One change a step makes to its contact; applied in order, in memory and then in the database. */
export type ContactOp =
  | { op: "setField"; key: string; value: string | null }
  | { op: "addTags"; tags: string[] }
  | { op: "removeTags"; tags: string[] };

export type ContactData = { fields: Record<string, string>; tags: string[] };

/**
 * Applies ops to a contact's fields and tags. Past a cap (100 fields, 100 tags) it throws a
 * message for the run's failure: a step that cannot do what it says must not pass in silence.
 */
export function applyContactOps(data: ContactData, ops: ContactOp[]): ContactData {
  let { fields, tags } = data;
  try {
    for (const op of ops) {
      if (op.op === "setField") fields = mergeFields(fields, { [op.key]: op.value });
      else if (op.op === "addTags") tags = addTags(tags, op.tags);
      else tags = removeTags(tags, op.tags);
    }
  } catch (error) {
    if (error instanceof AppError) throw new ContactLimitError(error.issues?.[0]?.message ?? error.message);
    throw error;
  }
  return { fields, tags };
}

export class ContactLimitError extends Error {}

/** Words for the history: "added vip, removed lead". */
export function describeOps(ops: ContactOp[]): string {
  return ops
    .map((op) =>
      op.op === "setField"
        ? op.value === null ? `removed field ${op.key}` : `set ${op.key} to "${op.value.length > 60 ? `${op.value.slice(0, 60)}…` : op.value}"`
        : `${op.op === "addTags" ? "added" : "removed"} ${op.tags.join(", ")}`,
    )
    .join("; ");
}
