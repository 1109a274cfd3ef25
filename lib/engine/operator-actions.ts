import { z } from "zod";
import type { Actor } from "../auth/scope.ts";
import { cursorParam, encodeCursor, timeAndIdKey } from "../api/pagination.ts";
import { contactKeyOf, parseContactKey } from "../contacts/contact-key.ts";
import { AppError, notFound } from "../errors.ts";
import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { checkRunFilters, runFilterShape, runFilterWhere } from "../runs/run-filters.ts";
import { stopRuns } from "./cancel-run.ts";
import { completeByOperator } from "./operator-complete.ts";
import type { RunRef } from "./transition.ts";
import { withTx } from "./with-tx.ts";

type ActiveRun = RunRef & { currentNodeId: string | null; createdAt: Date };

/** Runs acted on per transaction: small enough to keep locks short, large enough to be quick. */
const CHUNK = 500;

export const bulkBody = z
  .object({
    action: z.enum(["cancel", "skipWait"]),
    runIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
    // The runs list's filters (lib/runs/run-filters.ts): "select all N matching" acts on what it counted.
    // startedBefore keeps a selection made at one moment from being joined by runs started later.
    ...runFilterShape,
    /** Act on at most this many matching runs, from `cursor` on (newest first): loop for progress. */
    limit: z.number().int().min(1).max(1000).optional(),
    cursor: cursorParam(timeAndIdKey).optional(),
  })
  .strict()
  .superRefine(checkRunFilters)
  .refine((b) => b.runIds || b.automationId || b.nodeId || b.status || b.q || b.phone, { message: "Name the runs: runIds, automationId, nodeId, status or q" });
export type BulkBody = z.infer<typeof bulkBody>;

export type BulkResult = { affected: number; processed: number; nextCursor: string | null };

/**
 * Cancels or skips the waits of many runs, chunk by chunk (each chunk one transaction), walking
 * the matching runs newest first by (createdAt, id): every run is visited once, so a skipped run
 * that waits again further on is not skipped twice. Runs another actor moved meanwhile are left.
 */
export async function bulkRuns(workspaceId: string, body: BulkBody, actor: Actor): Promise<BulkResult> {
  let cursor = body.cursor ?? null;
  let affected = 0;
  let processed = 0;
  const budget = body.limit ?? Infinity;
  for (;;) {
    const size = Math.min(CHUNK, budget - processed);
    const runs = await db().$queryRaw<ActiveRun[]>(bulkPageSql(workspaceId, body, cursor, size));
    if (runs.length === 0) return { affected, processed, nextCursor: null };
    affected += await withTx(async (tx) => (body.action === "cancel"
      ? await stopRuns(tx, runs, "cancelled", `Cancelled in bulk by ${actor.label}`)
      : await completeByOperator(tx, workspaceId, runs.filter((r) => r.status === "waiting").map((r) => r.id), "noResponse", actor)).size);
    processed += runs.length;
    const last = runs.at(-1)!;
    cursor = { at: last.createdAt, id: last.id };
    if (runs.length < size) return { affected, processed, nextCursor: null };
    if (processed >= budget) return { affected, processed, nextCursor: encodeCursor([last.createdAt.toISOString(), last.id]) };
  }
}

/** The next `size` active runs matching the body's filters, newest first from `cursor`. */
function bulkPageSql(workspaceId: string, body: BulkBody, cursor: { at: Date; id: string } | null, size: number): Prisma.Sql {
  const extra = [Prisma.sql`r.status IN ('running', 'waiting')`];
  if (body.runIds) extra.push(Prisma.sql`r.id = ANY(${body.runIds}::text[])`);
  if (cursor) extra.push(Prisma.sql`(r."createdAt", r.id) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`);
  return Prisma.sql`
    SELECT r.id, r.status::text AS status, r.seq, r."currentNodeId", r."createdAt" FROM "Run" r ${runFilterWhere(workspaceId, body, extra)}
    ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${size}`;
}

/** POST /api/contacts/:phone/exit-automations: every active run of the contact, cancelled. */
export async function exitAllAutomations(workspaceId: string, rawKey: string, actor: Actor): Promise<{ cancelled: number; contactKey: string }> {
  const key = parseContactKey(rawKey);
  return withTx(async (tx) => {
    const [contact] = await tx.sql<{ id: string; phone: string | null; waUserId: string | null }>`
      SELECT id, phone, "waUserId" FROM "Contact"
      WHERE "workspaceId" = ${workspaceId} AND (phone = ${key.phone ?? null}::text OR "waUserId" = ${key.waUserId ?? null}::text) FOR UPDATE`;
    if (!contact) throw notFound("Contact");
    const runs = await tx.sql<ActiveRun>`
      SELECT id, status, seq, "currentNodeId", "createdAt" FROM "Run" WHERE "contactId" = ${contact.id} AND status IN ('running', 'waiting')`;
    const stopped = await stopRuns(tx, runs, "cancelled", `The contact was taken out of every automation by ${actor.label}`);
    if (stopped.size < runs.length) throw new AppError("conflict", "A run of this contact moved meanwhile; try again");
    return { cancelled: stopped.size, contactKey: contactKeyOf(contact) };
  });
}
