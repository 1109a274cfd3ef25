import { z } from "zod";

/**
 * What a webhook retry wait keeps in `Wait.data`: the attempt it will make, of how many, and the
 * step's idempotency key. Written by the call job, read by the timer (to call again) and the runs API.
 */
export const retryWaitData = z.object({ attempt: z.number().int().min(2), attempts: z.number().int().min(2), key: z.string().min(1) });
export type RetryWaitData = z.infer<typeof retryWaitData>;
