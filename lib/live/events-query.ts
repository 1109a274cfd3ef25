import { z } from "zod";

/**
 * `GET /api/events?seconds=`: how long the stream stays open. At most 10 minutes: then the
 * browser reconnects, so a revoked session or key stops hearing. Scripts and tests ask for less.
 */
export const eventsQuery = z.object({ seconds: z.coerce.number().int().min(1).max(600).default(600) });
