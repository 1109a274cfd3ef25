import { pool } from "../../sql.ts";

/**
 * Reserves `count` consecutive send slots for a phone number, shared by every worker: one row
 * per number holds the next free slot, pushed forward by each reservation in one statement.
 * Returns, per slot, how many milliseconds from now it starts (0 when it is already due).
 */
export async function reserveSendSlots(phoneNumberId: string, perSecond: number, count: number): Promise<number[]> {
  if (count === 0) return [];
  const gapMs = 1000 / perSecond;
  const { rows } = await pool().query<{ waitMs: number }>(
    `INSERT INTO "SendPace" AS p ("phoneNumberId", "nextAt") VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
     ON CONFLICT ("phoneNumberId") DO UPDATE SET "nextAt" = GREATEST(p."nextAt", clock_timestamp()) + make_interval(secs => $2::float8 / 1000)
     RETURNING GREATEST(0, extract(epoch FROM ("nextAt" - clock_timestamp())) * 1000 - $2::float8)::float8 AS "waitMs"`,
    [phoneNumberId, gapMs * count],
  );
  const first = rows[0]?.waitMs ?? 0;
  return Array.from({ length: count }, (_, i) => first + i * gapMs);
}
