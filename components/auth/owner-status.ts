import { z } from "zod";

/** `GET /api/auth/owner`: whether no user exists yet, so the first visit makes the owner. */
export const OWNER_URL = "/api/auth/owner";
export const ownerSchema = z.object({ ownerNeeded: z.boolean() });
