import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/** `GET /api/me`: who is signed in, where, and what they may do. */
export const meSchema = z.object({
  actor: z.object({ type: z.enum(["user", "apiKey", "system"]), id: z.string().nullable(), label: z.string() }),
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  permissions: z.array(z.string()),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })),
});
export type Me = z.infer<typeof meSchema>;

export const ME_URL = "/api/me";
