import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import { ROLES } from "../auth/permissions.ts";
import { tokenHash } from "../auth/token-hash.ts";

const VALID_DAYS = 7;

export const createInvitationBody = z.strictObject({
  role: z.enum(ROLES),
  email: z.email().max(200).optional(),
});

export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not an invitation link");

const view = { id: true, role: true, email: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true } as const;

/** A link valid for a week; only the token's hash is stored, so the link is shown once. */
export async function createInvitation(workspaceId: string, input: z.infer<typeof createInvitationBody>, invitedById: string | null) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await db().invitation.create({
    data: { workspaceId, role: input.role, email: input.email?.toLowerCase() ?? null, tokenHash: tokenHash(token), invitedById, expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000) },
    select: view,
  });
  return { ...invitation, token, path: `/invite/${token}` };
}

export const listInvitations = (workspaceId: string) => db().invitation.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 100, select: view });

export async function revokeInvitation(workspaceId: string, id: string) {
  const { count } = await db().invitation.updateMany({ where: { id, workspaceId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0 && !(await db().invitation.findFirst({ where: { id, workspaceId } }))) throw notFound("Invitation");
}

/** What the invitation page shows before anyone signs in: the workspace and the role. */
export async function describeInvitation(token: string) {
  const invitation = await db().invitation.findUnique({ where: { tokenHash: tokenHash(token) }, select: { ...view, workspace: { select: { name: true } } } });
  if (!invitation) throw notFound("Invitation");
  return { workspace: invitation.workspace.name, role: invitation.role, email: invitation.email, state: state(invitation) };
}

type State = "open" | "accepted" | "revoked" | "expired";
const state = (i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): State =>
  i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt.getTime() < Date.now() ? "expired" : "open";

/**
 * Makes the user a member with the invitation's role, once: the guarded update lets one accept
 * win. An email-bound invitation is for that address only. A member already keeps their role.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }) {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: tokenHash(token) } });
    if (!invitation) throw notFound("Invitation");
    if (state(invitation) !== "open") throw new AppError("conflict", `This invitation is ${state(invitation)}`);
    if (invitation.email && invitation.email !== user.email.toLowerCase()) throw new AppError("forbidden", `This invitation is for ${invitation.email}`);
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date(), acceptedById: user.id } });
    if (count === 0) throw new AppError("conflict", "This invitation is accepted");
    await tx.member.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      update: {},
    });
    return { workspaceId: invitation.workspaceId, role: invitation.role, invitationId: invitation.id };
  });
}
