import { z } from "zod";

/** What the runs API shows of a retry wait's data (the engine also keeps the idempotency key there). */
export const retryWaitData = z.object({ attempt: z.number().int(), attempts: z.number().int().optional() });
