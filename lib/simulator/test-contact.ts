import type { Actor } from "../auth/scope.ts";
import { USER_KEY_PREFIX } from "../contacts/contact-key.ts";
import type { Tx } from "../sql.ts";

/**
 * The simulator's contact: one per person (or API key), known by a user id no WhatsApp user can
 * have (`simulator.<actor>`), flagged `test` so it stays out of the contacts list and only ever
 * uses the sandbox channel (contact-state.ts).
 */
export const testContactUserId = (actor: Actor) => `simulator.${actor.id ?? "system"}`;

export const testContactKey = (actor: Actor) => `${USER_KEY_PREFIX}${testContactUserId(actor)}`;

/** The actor's test contact, created on first use; locked until the caller's transaction ends. */
export async function lockTestContact(tx: Tx, workspaceId: string, actor: Actor): Promise<{ id: string; messageSeq: number }> {
  const [contact] = await tx.sql<{ id: string; messageSeq: number }>`
    INSERT INTO "Contact" (id, "workspaceId", "waUserId", name, test)
    VALUES (gen_random_uuid()::text, ${workspaceId}, ${testContactUserId(actor)}, 'Test contact', true)
    ON CONFLICT ("workspaceId", "waUserId") DO UPDATE SET test = true
    RETURNING id, "messageSeq"`;
  return contact!;
}
