import { z } from "zod";
import { db } from "../db.ts";

export const createWorkspaceBody = z.strictObject({ name: z.string().trim().min(1, "Name the workspace").max(80) });

/** The workspaces a user belongs to, with their role in each. */
export async function userWorkspaces(userId: string) {
  const members = await db().member.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, workspace: { select: { id: true, name: true } } } });
  return members.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}

/** A new workspace with its creator as admin. */
export async function createWorkspace(userId: string, name: string) {
  return db().workspace.create({ data: { name, members: { create: { userId, role: "admin" } } }, select: { id: true, name: true } });
}

export const workspaceName = async (id: string) => (await db().workspace.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
