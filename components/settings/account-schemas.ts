import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/** Shapes of the members, invitations and API keys endpoints as the Settings page reads them. */

const role = z.enum(ROLES);

export const membersSchema = z.object({
  members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string(), role, joinedAt: z.string() })),
});
export type Member = z.infer<typeof membersSchema>["members"][number];

const invitation = z.object({
  id: z.string(),
  role,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const invitationsSchema = z.object({ invitations: z.array(invitation) });
export type InvitationRow = z.infer<typeof invitation>;
/** The creation's answer: the token and its path, shown once. */
export const createdInvitationSchema = invitation.extend({ token: z.string(), path: z.string() });

const apiKey = z.object({
  id: z.string(),
  name: z.string(),
  role,
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiKeysSchema = z.object({ apiKeys: z.array(apiKey) });
export type ApiKeyRow = z.infer<typeof apiKey>;
/** The creation's answer: the key's text, shown once. */
export const createdApiKeySchema = apiKey.extend({ key: z.string() });

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

/** Where an invitation stands, as the link's page would say. */
export function invitationState(row: InvitationRow, now: number): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return Date.parse(row.expiresAt) < now ? "expired" : "open";
}
