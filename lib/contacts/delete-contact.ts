import { cancelRun } from "../engine/cancel-run.ts";
import { withTx } from "../engine/with-tx.ts";
import { AppError, notFound } from "../errors.ts";
import { parseContactKey, type ContactKey } from "./contact-key.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import type { Tx } from "../sql.ts";

const MAX_ATTEMPTS = 5;

/**
 * Erases a contact: its active runs are cancelled first, through the engine's one way to stop a
 * run (pending waits cancelled, history written), then the contact, its messages, waits, history
 * rows and runs go in one transaction. That transaction holds the contact's row lock, which run
 * starts and inbound messages also take: if a run started after the cancels, it is cancelled too
 * and the delete tried again.
 */
export async function deleteContact(key: string): Promise<void> {
  const parsed = parseContactKey(key);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const contactId = await findContactId(parsed);
    if (!contactId) throw notFound("Contact");
    for (const runId of await activeRunIds(contactId)) await cancelQuietly(runId);
    const done = await withTx(async (tx) => {
      const [locked] = await tx.sql<{ id: string }>`SELECT id FROM "Contact" WHERE id = ${contactId} FOR UPDATE`;
      if (!locked) return "gone" as const;
      const [active] = await tx.sql<{ id: string }>`
        SELECT id FROM "Run" WHERE "contactId" = ${contactId} AND status IN ('running', 'waiting') LIMIT 1`;
      if (active) return "retry" as const;
      await eraseContact(tx, contactId);
      return "deleted" as const;
    });
    if (done === "deleted") return;
    // Deleted meanwhile by someone else: the next round answers 404.
  }
  throw new AppError("conflict", "The contact kept starting runs; try again");
}

/** Children first: every foreign key is ON DELETE RESTRICT. */
async function eraseContact(tx: Tx, contactId: string): Promise<void> {
  await tx.sql`DELETE FROM "RunStep" WHERE "runId" IN (SELECT id FROM "Run" WHERE "contactId" = ${contactId})`;
  await tx.sql`DELETE FROM "WebhookCall" WHERE "runId" IN (SELECT id FROM "Run" WHERE "contactId" = ${contactId})`;
  await tx.sql`DELETE FROM "Wait" WHERE "contactId" = ${contactId}`;
  await tx.sql`DELETE FROM "Conversation" WHERE "contactId" = ${contactId}`;
  await tx.sql`DELETE FROM "Message" WHERE "contactId" = ${contactId}`;
  await tx.sql`DELETE FROM "Run" WHERE "contactId" = ${contactId}`;
  await tx.sql`DELETE FROM "Contact" WHERE id = ${contactId}`;
}

async function findContactId(key: ContactKey): Promise<string | undefined> {
  const [row] = await withTx((tx) => tx.sql<{ id: string }>`
    SELECT id FROM "Contact" WHERE "workspaceId" = ${currentWorkspaceId()} AND (phone = ${key.phone ?? null} OR "waUserId" = ${key.waUserId ?? null})`);
  return row?.id;
}

async function activeRunIds(contactId: string): Promise<string[]> {
  const rows = await withTx((tx) =>
    tx.sql<{ id: string }>`SELECT id FROM "Run" WHERE "contactId" = ${contactId} AND status IN ('running', 'waiting')`);
  return rows.map((row) => row.id);
}

/** A run that ended on its own (completed, failed) or vanished meanwhile needs no cancel. */
async function cancelQuietly(runId: string): Promise<void> {
  try {
    await cancelRun(runId, "Contact deleted");
  } catch (error) {
    if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) return;
    throw error;
  }
}
