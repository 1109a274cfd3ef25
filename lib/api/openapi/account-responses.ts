import { z } from "zod";
import { PERMISSIONS, ROLES } from "../../auth/permissions.ts";
import { nextCursor, timestamp } from "./timestamp.ts";

export const roleSchema = z.enum(ROLES).meta({ id: "Role" });

const workspaceMembership = z.object({ id: z.string(), name: z.string(), role: roleSchema });

/** `GET /api/me` (app/api/me/route.ts): who is asking, where, and what they may do. */
export const meSchema = z
  .object({
    actor: z.object({ type: z.enum(["user", "apiKey", "system"]), id: z.string().nullable(), label: z.string().meta({ description: "The user's email or the key's name" }) }),
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: roleSchema,
    permissions: z.array(z.enum(PERMISSIONS)),
    workspaces: z.array(workspaceMembership).meta({ description: "A signed-in user's workspaces; empty for an API key" }),
  })
  .meta({ id: "Me" });

export const workspaceListSchema = z.object({ workspaces: z.array(workspaceMembership) }).meta({ id: "WorkspaceList" });
export const workspaceSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "Workspace" });
export const currentWorkspaceSchema = z.object({ workspaceId: z.string(), role: roleSchema }).meta({ id: "CurrentWorkspace" });

/** `listMembers` (lib/accounts/members.ts). */
export const memberListSchema = z
  .object({ members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: timestamp })) })
  .meta({ id: "MemberList" });
export const memberRoleSchema = z.object({ userId: z.string(), role: roleSchema }).meta({ id: "MemberRole" });

/** An invitation as lib/accounts/invitations.ts selects it. */
export const invitationSchema = z
  .object({
    id: z.string(),
    role: roleSchema,
    email: z.string().nullable().meta({ description: "Only this address may accept; null for anyone with the link" }),
    createdAt: timestamp,
    expiresAt: timestamp,
    acceptedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: "Invitation" });
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) }).meta({ id: "InvitationList" });
export const createdInvitationSchema = invitationSchema
  .extend({ token: z.string(), path: z.string().meta({ description: "The invitee's link, `/invite/<token>`: shown once, only its hash is kept" }) })
  .meta({ id: "CreatedInvitation" });

/** `describeInvitation`: what an invitation link offers, before anyone signs in. */
export const invitationOfferSchema = z
  .object({ workspace: z.string(), role: roleSchema, email: z.string().nullable(), state: z.enum(["open", "accepted", "revoked", "expired"]) })
  .meta({ id: "InvitationOffer" });
export const acceptedInvitationSchema = z.object({ workspaceId: z.string(), role: roleSchema, invitationId: z.string() }).meta({ id: "AcceptedInvitation" });

/** `ApiKeyView` (lib/auth/api-keys.ts). */
export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().meta({ description: "The key's first characters, to recognise it" }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });
export const apiKeyListSchema = z.object({ apiKeys: z.array(apiKeySchema) }).meta({ id: "ApiKeyList" });
export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().meta({ description: "The key itself (`rf_...`): in this answer only, only its hash is kept" }) })
  .meta({ id: "CreatedApiKey" });

/** An AuditEvent row (prisma/schema.prisma). */
export const auditListSchema = z
  .object({
    events: z.array(
      z.object({
        id: z.string(),
        workspaceId: z.string(),
        actorType: z.enum(["user", "apiKey", "system"]),
        actorId: z.string().nullable(),
        actorLabel: z.string(),
        action: z.string().meta({ description: "e.g. `automation.publish`, `apiKey.create` (lib/auth/audit.ts)" }),
        targetType: z.string().nullable(),
        targetId: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        at: timestamp,
      }),
    ),
    nextCursor,
  })
  .meta({ id: "AuditList" });

export const ownerNeededSchema = z.object({ ownerNeeded: z.boolean().meta({ description: "True until the first user signs up" }) }).meta({ id: "OwnerNeeded" });
export const ownerSchema = z.object({ userId: z.string(), workspaceId: z.string(), role: z.literal("admin") }).meta({ id: "Owner" });
