import { randomUUID } from "node:crypto";
import { withTx } from "../engine/with-tx.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { addTags, mergeFields } from "./contact-data.ts";
import { lockContact, writeContact } from "./contact-sql.ts";
import { contactRow, toContact, type Contact, type UpsertContactBody } from "./contact-schemas.ts";

/**
 * Creates the contact of a phone, or updates the one there: fields merged, tags added (ignoring
 * case), the name replaced only when given. `created` tells the two apart (201 or 200).
 */
export async function upsertContact(body: UpsertContactBody): Promise<{ contact: Contact; created: boolean }> {
  const { phone } = body;
  const tags = addTags([], body.tags ?? []);
  return withTx(async (tx) => {
    // A concurrent insert of the same phone makes this wait, then do nothing: the lock below
    // then reads the row it committed, so both requests end up merged, never a unique violation.
    const [inserted] = await tx.sql`
      INSERT INTO "Contact" (id, "workspaceId", phone, name, fields, tags)
      VALUES (${randomUUID()}, ${currentWorkspaceId()}, ${phone}, ${body.name || null}, ${JSON.stringify(body.fields ?? {})}::jsonb, ${tags}::text[])
      ON CONFLICT ("workspaceId", phone) DO NOTHING
      RETURNING id, phone, name, fields, tags, "createdAt"`;
    if (inserted) return { contact: toContact(contactRow.parse(inserted)), created: true };
    const current = await lockContact(tx, { phone });
    // Only a delete racing this insert could get here; it is gone, as if deleted right after.
    if (!current) throw new Error(`Contact ${phone} vanished during an upsert`);
    const updated = await writeContact(tx, {
      ...current,
      name: body.name || current.name,
      fields: mergeFields(current.fields, body.fields ?? {}),
      tags: addTags(current.tags, tags),
    });
    return { contact: toContact(updated), created: false };
  });
}
