import { z } from "zod";
import { db } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import { ROLES, type Role } from "../auth/permissions.ts";

export const memberRoleBody = z.strictObject({ role: z.enum(ROLES) });

export async function listMembers(workspaceId: string) {
  const members = await db().member.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}

/**
 * Changes a member's role, or removes them (role null). A workspace always keeps an admin: the
 * last one cannot be demoted or removed. Serialised per workspace by locking its admins' rows.
 */
export async function changeMember(workspaceId: string, userId: string, role: Role | null) {
  return db().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "Member" WHERE "workspaceId" = ${workspaceId} AND role = 'admin' FOR UPDATE`;
    const member = await tx.member.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!member) throw notFound("Member");
    if (member.role === "admin" && role !== "admin" && admins.length === 1) {
      throw new AppError("conflict", "A workspace needs an admin: make someone else admin first");
    }
    if (role === null) await tx.member.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    else await tx.member.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
    return { userId, from: member.role, to: role };
  });
}
