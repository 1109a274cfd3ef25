import { currentWorkspaceId } from "../auth/scope.ts";
import type { Tx } from "../sql.ts";
import type { ContactKey } from "./contact-key.ts";
import { contactRow, type ContactRow } from "./contact-schemas.ts";

/** The contact of a key, locked until the transaction ends: read-modify-write without lost updates. */
export async function lockContact(tx: Tx, key: ContactKey): Promise<ContactRow | undefined> {
  const [row] = await tx.sql`
    SELECT id, phone, "waUserId", name, fields, tags, "createdAt" FROM "Contact"
    WHERE "workspaceId" = ${currentWorkspaceId()} AND (phone = ${key.phone ?? null} OR "waUserId" = ${key.waUserId ?? null})
    FOR UPDATE`;
  return row ? contactRow.parse(row) : undefined;
}

/** Writes a locked contact's name, fields and tags back. */
export async function writeContact(tx: Tx, row: ContactRow): Promise<ContactRow> {
  const [updated] = await tx.sql`
    UPDATE "Contact" SET name = ${row.name}, fields = ${JSON.stringify(row.fields)}::jsonb, tags = ${row.tags}::text[]
    WHERE id = ${row.id}
    RETURNING id, phone, "waUserId", name, fields, tags, "createdAt"`;
  return contactRow.parse(updated);
}
