import { db } from "../db.ts";
import { toPage } from "../api/pagination.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { contactRow, toContact, type ListContactsQuery } from "./contact-schemas.ts";

/**
 * Contacts, newest first, a page at a time: keyset on (createdAt, id), read in the order of the
 * (workspaceId, createdAt, id) index. `search` is a case-insensitive substring of the phone or
 * the name (LIKE with the text escaped: never a pattern from user input); `tag` filters by one tag
 * ignoring case through the GIN index on contact_tags_lower(tags).
 */
export async function listContacts(query: ListContactsQuery) {
  const rows = await db().$queryRaw<unknown[]>(contactPageSql(query));
  const parsed = rows.map((row) => contactRow.parse(row));
  const page = toPage(parsed, query.limit, (c) => [c.createdAt.toISOString(), c.id]);
  return { contacts: page.items.map(toContact), nextCursor: page.nextCursor };
}

export function contactPageSql(query: ListContactsQuery): Prisma.Sql {
  // The simulator's test contacts are nobody's customers.
  const conditions: Prisma.Sql[] = [Prisma.sql`c."workspaceId" = ${currentWorkspaceId()}`, Prisma.sql`NOT c.test`];
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    conditions.push(Prisma.sql`(c.phone ILIKE ${pattern} OR c.name ILIKE ${pattern} OR c."waUserId" ILIKE ${pattern})`);
  }
  // The same expression as the index, so the planner can use it.
  if (query.tag) conditions.push(Prisma.sql`contact_tags_lower(c.tags) @> ARRAY[lower(${query.tag})]`);
  if (query.cursor) {
    conditions.push(Prisma.sql`(c."createdAt", c.id) < (${query.cursor.at.toISOString()}::timestamptz, ${query.cursor.id})`);
  }
  return Prisma.sql`
    SELECT c.id, c.phone, c."waUserId", c.name, c.fields, c.tags, c."createdAt" FROM "Contact" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."createdAt" DESC, c.id DESC
    LIMIT ${query.limit + 1}`;
}

/** Text to find, not a pattern: `%`, `_` and `\` match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
