import { z } from "zod";

/**
 * Keyset pagination for the lists that grow (runs, automations, a contact's messages). A cursor
 * is opaque to clients: the base64url JSON of the last row's sort key, checked with zod when it
 * comes back, so a malformed or tampered one is a 400, never a 500 or a wrong page.
 */

export const encodeCursor = (key: unknown): string => Buffer.from(JSON.stringify(key), "utf8").toString("base64url");

/** The `cursor` query parameter: decodes to `key`'s type, or fails validation. */
export function cursorParam<S extends z.ZodType>(key: S) {
  return z
    .string()
    .max(512, "Malformed cursor")
    .transform((text, ctx): z.output<S> => {
      const parsed = key.safeParse(decode(text));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: "Malformed cursor" });
      return z.NEVER;
    });
}

/** The `limit` query parameter: a whole number from 1 to `max`, `fallback` when absent. */
export const limitParam = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(max, `Limit must be at most ${max}`)
    .default(fallback);

/** A sort key as it travels in a cursor: a timestamp (ISO, as Postgres stored it) and an id. */
export const timeAndIdKey = z
  .tuple([z.iso.datetime(), z.string().min(1).max(100)])
  .transform(([at, id]) => ({ at: new Date(at), id }));

/**
 * Rows fetched with `take: limit + 1` to a page: the extra row only says that there is more, and
 * the cursor is the key of the page's last row.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => unknown): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

function decode(text: string): unknown {
  // Node's base64url decoder skips characters outside the alphabet: insist on a clean one.
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
