import { db } from "../db.ts";

/** The database clock, so the browser can correct its own when counting down to a timeout. */
export async function serverTime(): Promise<string> {
  const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return (row?.now ?? new Date()).toISOString();
}
