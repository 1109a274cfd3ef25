import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const INVITATION_URL = "/api/auth/invitation";

/** `GET /api/auth/invitation?token=`: what a link offers, before anyone signs in. */
export const invitationSchema = z.object({
  workspace: z.string(),
  role: z.enum(ROLES),
  email: z.string().nullable(),
  state: z.enum(["open", "accepted", "revoked", "expired"]),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** `POST /api/auth/invitation`: the membership it made. */
export const joinedSchema = z.object({ workspaceId: z.string(), role: z.enum(ROLES) });
