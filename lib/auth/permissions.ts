/** The four roles of DESIGN.md ("Accounts"), from most to least able. */
export const ROLES = ["admin", "editor", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request may do. Every `/api/*` route names one (or is public: health, webhooks), so the
 * role check lives in the route wrapper, never in a handler.
 */
export const PERMISSIONS = [
  "read", // every GET of workspace data: automations, runs, contacts, messages, stats
  "automations:write", // create, save, publish
  "contacts:write", // create, edit, delete contacts
  "runs:write", // start, cancel, complete waits, bulk actions, sandbox replies
  "inbox:write", // reply to, assign and close conversations handed to a person
  "settings:write", // channel settings, API keys, members, invitations
  "audit:read", // the audit log
  "metrics:read", // /api/metrics (fleet-wide numbers, so admins only)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Typed as a full record: a new role fails to compile until its permissions are written. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  editor: ["read", "automations:write", "contacts:write"],
  operator: ["read", "contacts:write", "runs:write", "inbox:write"],
  viewer: ["read"],
};

export const can = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
