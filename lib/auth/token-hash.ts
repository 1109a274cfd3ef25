import { createHash } from "node:crypto";

/**
 * What we store of a secret we hand out (an API key, an invitation link): its SHA-256. The
 * secrets are 256 random bits, so a fast hash is enough, and the lookup is one index probe.
 */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
