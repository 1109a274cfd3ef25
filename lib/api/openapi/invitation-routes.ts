import { z } from "zod";
import { createInvitationBody, invitationTokenSchema } from "../../accounts/invitations.ts";
import { signUpBody } from "../../accounts/sign-up.ts";
import { acceptedInvitationSchema, createdInvitationSchema, invitationListSchema, invitationOfferSchema } from "./account-responses.ts";
import { jsonBodyErrors } from "./common-errors.ts";
import { idParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";

// Written inline in app/api/auth/invitation/route.ts (which may export only handlers): restated.
const acceptInvitationBody = z.union([z.strictObject({ token: invitationTokenSchema }), signUpBody.extend({ token: invitationTokenSchema })]);

/** Inviting (admins) and accepting (anyone with the link). */
export const invitationRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/invitations",
    tag: "Accounts",
    summary: "List invitations",
    description: "The latest 100, newest first, whatever their state.",
    permission: "settings:write",
    responses: { 200: { description: "The invitations", schema: invitationListSchema } },
  },
  {
    method: "post",
    path: "/api/invitations",
    tag: "Accounts",
    summary: "Invite someone",
    description: "A link valid for a week, for one acceptance; with `email`, only that address may accept. The link is in this answer only.",
    permission: "settings:write",
    body: { schema: createInvitationBody.meta({ id: "CreateInvitationInput" }) },
    responses: { 201: { description: "Created", schema: createdInvitationSchema } },
    errors: jsonBodyErrors,
  },
  {
    method: "delete",
    path: "/api/invitations/{id}",
    tag: "Accounts",
    summary: "Revoke an invitation",
    permission: "settings:write",
    params: { path: idParam("invitation") },
    responses: { 204: { description: "Revoked (or already accepted or revoked)" } },
    errors: { 404: "No such invitation in the workspace" },
  },
  {
    method: "get",
    path: "/api/auth/invitation",
    tag: "Accounts",
    summary: "Describe an invitation",
    description: "What an invitation link offers (the workspace, the role) and whether it is still open; shown before sign-in.",
    permission: "public",
    params: { query: z.object({ token: invitationTokenSchema }) },
    responses: { 200: { description: "The invitation", schema: invitationOfferSchema } },
    errors: { 400: "Not an invitation token", 404: "No such invitation" },
  },
  {
    method: "post",
    path: "/api/auth/invitation",
    tag: "Accounts",
    summary: "Accept an invitation",
    description:
      "As the signed-in user (send the session cookie and `{token}`), or by creating an account with `name`, `email` and `password` (then signed in: the answer sets the session cookie).",
    permission: "public",
    body: { schema: acceptInvitationBody.meta({ id: "AcceptInvitationInput" }) },
    responses: { 201: { description: "Joined the workspace", schema: acceptedInvitationSchema } },
    errors: {
      ...jsonBodyErrors,
      401: "Only `{token}` was sent, without a session: sign in, or give a name, email and password",
      403: "The invitation is for another email address",
      404: "No such invitation",
      409: "The invitation is no longer open, an account with this email exists, or you are signed in while creating an account",
    },
  },
];
