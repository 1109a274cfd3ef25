import { AppError } from "../errors.ts";
import { pool } from "../sql.ts";

/**
 * A fixed-window counter in Postgres, so every web process shares it: the key's count in the
 * current window, bumped in one statement. Over the limit is a 429 with Retry-After.
 */
export async function rateLimit(key: string, limit: number, windowSeconds: number): Promise<void> {
  const { rows } = await pool().query<{ count: number; retryAfter: number }>(
    `INSERT INTO "RateLimit" (key, "windowStart", count) VALUES ($1, clock_timestamp(), 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN "RateLimit"."windowStart" <= clock_timestamp() - make_interval(secs => $2) THEN 1 ELSE "RateLimit".count + 1 END,
       "windowStart" = CASE WHEN "RateLimit"."windowStart" <= clock_timestamp() - make_interval(secs => $2) THEN clock_timestamp() ELSE "RateLimit"."windowStart" END
     RETURNING count, ceil(extract(epoch FROM "windowStart" + make_interval(secs => $2) - clock_timestamp()))::int AS "retryAfter"`,
    [key, windowSeconds],
  );
  const row = rows[0]!;
  if (row.count > limit) {
    const retryAfter = Math.max(1, row.retryAfter);
    throw new AppError("too_many_requests", `Too many requests: try again in ${retryAfter} s`, undefined, { "retry-after": String(retryAfter) });
  }
}

/** Limits from the environment, so a test or a busy deployment can set its own. */
export const LIMITS = {
  signIn: { limit: Number(process.env.RATE_LIMIT_SIGN_IN ?? 10), windowSeconds: 60 },
  runStarts: { limit: Number(process.env.RATE_LIMIT_RUN_STARTS ?? 120), windowSeconds: 60 },
};

/** The client's address as the proxy in front of us says (TRUST_PROXY=1), else one bucket. */
export function clientIp(request: Request): string {
  if (process.env.TRUST_PROXY !== "1") return "direct";
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
