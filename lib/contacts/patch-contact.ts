import { withTx } from "../engine/with-tx.ts";
import { notFound } from "../errors.ts";
import { parseContactKey } from "./contact-key.ts";
import { addTags, mergeFields, removeTags } from "./contact-data.ts";
import { lockContact, writeContact } from "./contact-sql.ts";
import { toContact, type Contact, type PatchContactBody } from "./contact-schemas.ts";

/**
 * Changes a contact under its row lock (SELECT ... FOR UPDATE): two patches, or a patch and an
 * upsert, never lose each other's fields or tags. `removeTags` applies before `addTags`, so a tag
 * in both ends up present (with the casing of `addTags`).
 */
export async function patchContact(key: string, body: PatchContactBody): Promise<Contact> {
  const parsed = parseContactKey(key);
  return withTx(async (tx) => {
    const current = await lockContact(tx, parsed);
    if (!current) throw notFound("Contact");
    const updated = await writeContact(tx, {
      ...current,
      name: body.name === undefined ? current.name : body.name === "" ? null : body.name,
      fields: mergeFields(current.fields, body.fields ?? {}),
      tags: addTags(removeTags(current.tags, body.removeTags ?? []), body.addTags ?? [], "addTags"),
    });
    return toContact(updated);
  });
}
