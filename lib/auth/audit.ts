import type { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import type { Access } from "./scope.ts";

/** Every audited action; a new one is added here, so the audit page can name them all. */
export const AUDIT_ACTIONS = [
  "automation.publish",
  "run.cancel",
  "run.completeWait",
  "runs.bulk",
  "contact.exitAutomations",
  "conversation.reply",
  "conversation.assign",
  "conversation.close",
  "member.role",
  "member.remove",
  "invitation.create",
  "invitation.revoke",
  "invitation.accept",
  "apiKey.create",
  "apiKey.revoke",
  "settings.whatsapp.save",
  "settings.whatsapp.delete",
  "workspace.create",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Target = { type: string; id: string };

/** Records who did what, when: the one function every audited action calls. */
export async function audit(access: Access, action: AuditAction, target?: Target, details: Prisma.InputJsonObject = {}): Promise<void> {
  await db().auditEvent.create({
    data: {
      workspaceId: access.workspaceId,
      actorType: access.actor.type,
      actorId: access.actor.id,
      actorLabel: access.actor.label,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      details,
    },
  });
}

export async function listAuditEvents(workspaceId: string, options: { cursor?: string; limit: number }) {
  const cursor = options.cursor ? await db().auditEvent.findFirst({ where: { id: options.cursor, workspaceId }, select: { at: true, id: true } }) : null;
  const events = await db().auditEvent.findMany({
    where: { workspaceId, ...(cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit + 1,
  });
  const page = events.slice(0, options.limit);
  return { events: page, nextCursor: events.length > options.limit ? page.at(-1)!.id : null };
}
