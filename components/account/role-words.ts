import { ROLES, type Role } from "@/lib/auth/permissions";

export { ROLES, type Role };

/** A role's name as people read it. */
export const ROLE_NAMES: Record<Role, string> = { admin: "Admin", editor: "Editor", operator: "Operator", viewer: "Viewer" };

/** What a role may do, in a few words (DESIGN.md, "Accounts"). */
export const ROLE_SUMMARIES: Record<Role, string> = {
  admin: "everything, settings and members included",
  editor: "automations and contacts",
  operator: "runs, contacts and the inbox",
  viewer: "read only",
};
