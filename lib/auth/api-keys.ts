import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db.ts";
import { notFound } from "../errors.ts";
import { ROLES, type Role } from "./permissions.ts";
import { tokenHash } from "./token-hash.ts";

/** Keys are `rf_` + 43 base64url characters (256 random bits): a SHA-256 is all we store. */
const PREFIX = "rf_";

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1, "Name the key").max(80),
  role: z.enum(ROLES),
});

export type ApiKeyView = { id: string; name: string; role: Role; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const view = { id: true, name: true, role: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A new key for the workspace; the only time its text is returned. */
export async function createApiKey(workspaceId: string, input: z.infer<typeof createApiKeyBody>, createdById: string | null, key = `${PREFIX}${randomBytes(32).toString("base64url")}`) {
  const row = await db().apiKey.create({
    data: { workspaceId, name: input.name, role: input.role, prefix: key.slice(0, PREFIX.length + 6), hash: tokenHash(key), createdById },
    select: view,
  });
  return { ...row, key };
}

export const listApiKeys = (workspaceId: string): Promise<ApiKeyView[]> =>
  db().apiKey.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, select: view });

/** Revoked keys stay listed (who made them, when they were last used) but never work again. */
export async function revokeApiKey(workspaceId: string, id: string): Promise<ApiKeyView> {
  await db().apiKey.updateMany({ where: { id, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
  const key = await db().apiKey.findFirst({ where: { id, workspaceId }, select: view });
  if (!key) throw notFound("API key");
  return key;
}

/** The live key with this text, its last use recorded at most once a minute (no write per request). */
export async function findApiKey(key: string) {
  const found = await db().apiKey.findUnique({ where: { hash: tokenHash(key) }, select: { id: true, workspaceId: true, name: true, role: true, revokedAt: true, lastUsedAt: true } });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return found;
}
