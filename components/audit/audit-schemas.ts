import { z } from "zod";

/** `GET /api/audit`: the workspace's events, newest first, a page at a time. */
export const auditEventSchema = z.object({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullish(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  at: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export const AUDIT_URL = "/api/audit";
