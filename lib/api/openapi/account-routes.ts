import { z } from "zod";
import { memberRoleBody } from "../../accounts/members.ts";
import { signUpBody } from "../../accounts/sign-up.ts";
import { createWorkspaceBody } from "../../accounts/workspaces.ts";
import { createApiKeyBody } from "../../auth/api-keys.ts";
import {
  apiKeyListSchema,
  apiKeySchema,
  auditListSchema,
  createdApiKeySchema,
  currentWorkspaceSchema,
  memberListSchema,
  memberRoleSchema,
  meSchema,
  ownerNeededSchema,
  ownerSchema,
  workspaceListSchema,
  workspaceSchema,
} from "./account-responses.ts";
import { jsonBodyErrors, queryErrors } from "./common-errors.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";

// Written inline in their route files (which may export only handlers): the same rules,
// restated. Moving them to lib/ would let both import one schema.
const auditQuery = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const switchWorkspaceBody = z.strictObject({ workspaceId: z.string().min(1).max(100) });

const userIdParam = z.object({ userId: z.string().min(1).meta({ description: "The member's user id" }) });
const signedInUsersOnly = "Called with an API key: only a signed-in user can do this";
const lastAdmin = "The workspace would be left without an admin: make someone else admin first";

/** Invitations are in invitation-routes.ts; better-auth's own /api/auth/* endpoints are not documented here. */
export const accountRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/me",
    tag: "Accounts",
    summary: "Who am I",
    description: "The caller, the workspace in scope, their role and its permissions (the UI hides what they cannot do).",
    permission: "read",
    responses: { 200: { description: "The caller", schema: meSchema } },
  },
  {
    method: "get",
    path: "/api/workspaces",
    tag: "Accounts",
    summary: "List my workspaces",
    description: "A signed-in user's workspaces with their role in each; empty for an API key, which belongs to one.",
    permission: "read",
    responses: { 200: { description: "The workspaces", schema: workspaceListSchema } },
  },
  {
    method: "post",
    path: "/api/workspaces",
    tag: "Accounts",
    summary: "Create a workspace",
    description: "Any signed-in user may start a workspace of their own, as its admin.",
    permission: "read",
    body: { schema: createWorkspaceBody.meta({ id: "CreateWorkspaceInput" }) },
    responses: { 201: { description: "Created", schema: workspaceSchema } },
    errors: { ...jsonBodyErrors, 403: signedInUsersOnly },
  },
  {
    method: "put",
    path: "/api/workspaces/current",
    tag: "Accounts",
    summary: "Switch workspace",
    description: "Sets the `replyflow_workspace` cookie: later requests of this user act in that workspace.",
    permission: "read",
    body: { schema: switchWorkspaceBody.meta({ id: "SwitchWorkspaceInput" }) },
    responses: { 200: { description: "Switched", schema: currentWorkspaceSchema } },
    errors: { ...jsonBodyErrors, 403: signedInUsersOnly, 404: "Not a workspace of yours" },
  },
  {
    method: "get",
    path: "/api/members",
    tag: "Accounts",
    summary: "List members",
    permission: "read",
    responses: { 200: { description: "The workspace's members, oldest first", schema: memberListSchema } },
  },
  {
    method: "patch",
    path: "/api/members/{userId}",
    tag: "Accounts",
    summary: "Change a member's role",
    permission: "settings:write",
    params: { path: userIdParam },
    body: { schema: memberRoleBody.meta({ id: "MemberRoleInput" }) },
    responses: { 200: { description: "Changed", schema: memberRoleSchema } },
    errors: { ...jsonBodyErrors, 404: "No such member in the workspace", 409: lastAdmin },
  },
  {
    method: "delete",
    path: "/api/members/{userId}",
    tag: "Accounts",
    summary: "Remove a member",
    permission: "settings:write",
    params: { path: userIdParam },
    responses: { 204: { description: "Removed" } },
    errors: { 404: "No such member in the workspace", 409: lastAdmin },
  },
  {
    method: "get",
    path: "/api/api-keys",
    tag: "Accounts",
    summary: "List API keys",
    description: "Revoked keys stay listed; the keys themselves are never shown again.",
    permission: "settings:write",
    responses: { 200: { description: "The keys", schema: apiKeyListSchema } },
  },
  {
    method: "post",
    path: "/api/api-keys",
    tag: "Accounts",
    summary: "Create an API key",
    description: "The key acts in this workspace with the role given. Its text is in this answer only.",
    permission: "settings:write",
    body: { schema: createApiKeyBody.meta({ id: "CreateApiKeyInput" }) },
    responses: { 201: { description: "Created", schema: createdApiKeySchema } },
    errors: jsonBodyErrors,
  },
  {
    method: "delete",
    path: "/api/api-keys/{id}",
    tag: "Accounts",
    summary: "Revoke an API key",
    description: "At once: the next request carrying it gets a 401.",
    permission: "settings:write",
    params: { path: idParam("API key") },
    responses: { 200: { description: "The key, revoked", schema: apiKeySchema } },
    errors: { 404: "No such API key in the workspace" },
  },
  {
    method: "get",
    path: "/api/audit",
    tag: "Accounts",
    summary: "Audit log",
    description: "Who did what and when, newest first, a page at a time.",
    permission: "audit:read",
    params: { query: auditQuery },
    responses: { 200: { description: "A page of events", schema: auditListSchema } },
    errors: queryErrors,
  },
  {
    method: "get",
    path: "/api/auth/owner",
    tag: "Accounts",
    summary: "Is an owner needed",
    description: "True on a fresh install: the first visit then offers the owner sign-up.",
    permission: "public",
    responses: { 200: { description: "Whether the owner sign-up is open", schema: ownerNeededSchema } },
  },
  {
    method: "post",
    path: "/api/auth/owner",
    tag: "Accounts",
    summary: "Sign up as the owner",
    description: "Only while no user exists: the owner becomes admin of the default workspace and is signed in (the answer sets the session cookie).",
    permission: "public",
    body: { schema: signUpBody.meta({ id: "SignUpInput" }) },
    responses: { 201: { description: "Signed up and signed in", schema: ownerSchema } },
    errors: {
      ...jsonBodyErrors,
      400: `${jsonBodyErrors[400]}; or the account could not be created`,
      403: "This install already has an owner: ask an admin for an invitation",
      409: "An account with this email exists",
    },
  },
];
