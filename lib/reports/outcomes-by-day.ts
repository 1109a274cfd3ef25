import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { addDays, dayStart, type Period } from "./report-period.ts";
import { fillDays } from "./utc-days.ts";

export type DayOutcomes = {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  started: number;
  completed: number;
  failed: number;
  cancelled: number;
  /** Customer Response waits that ended with a reply that day (any route; an operator's "treat as replied" too). */
  replied: number;
  noResponse: number;
};

export const emptyDay = (day: string): DayOutcomes => ({ day, started: 0, completed: 0, failed: 0, cancelled: 0, replied: 0, noResponse: 0 });

type Scope = { workspaceId: string; automationId: string; versionId: string };
type Counted = { day: string; kind: string; n: number };

/**
 * Per UTC day of the period, for one version's real runs (never the simulator's): runs started
 * (by createdAt), runs that ended completed, failed or cancelled (by updatedAt, which a run's last
 * change stamps), and reply waits that ended replied or without a response (by completedAt).
 * Every query also bounds the run's createdAt by the period's end, which the (automationId,
 * createdAt) index serves; an event never precedes its run.
 */
export async function outcomesByDay(scope: Scope, period: Period): Promise<DayOutcomes[]> {
  const start = dayStart(period.from);
  const end = dayStart(addDays(period.to, 1));
  const { workspaceId, automationId, versionId } = scope;
  const runs = Prisma.sql`r."workspaceId" = ${workspaceId} AND r."automationId" = ${automationId} AND r."versionId" = ${versionId} AND NOT r.test AND r."createdAt" < ${end}`;
  const [started, ended, waits] = await Promise.all([
    db().$queryRaw<Counted[]>`
      SELECT to_char(r."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, 'started' AS kind, count(*)::int AS n
      FROM "Run" r WHERE ${runs} AND r."createdAt" >= ${start} GROUP BY 1`,
    db().$queryRaw<Counted[]>`
      SELECT to_char(r."updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, r.status::text AS kind, count(*)::int AS n
      FROM "Run" r WHERE ${runs} AND r.status IN ('completed', 'failed', 'cancelled') AND r."updatedAt" >= ${start} AND r."updatedAt" < ${end}
      GROUP BY 1, 2`,
    db().$queryRaw<Counted[]>`
      SELECT to_char(w."completedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        CASE WHEN w.outcome = 'noResponse' THEN 'noResponse' ELSE 'replied' END AS kind, count(*)::int AS n
      FROM "Wait" w JOIN "Run" r ON r.id = w."runId"
      WHERE ${runs} AND w.kind = 'reply' AND w.status = 'completed' AND w.outcome IS NOT NULL AND w.outcome <> 'deliveryFailed'
        AND w."completedAt" >= ${start} AND w."completedAt" < ${end}
      GROUP BY 1, 2`,
  ]);
  const days = new Map<string, DayOutcomes>();
  for (const { day, kind, n } of [...started, ...ended, ...waits]) {
    const row = days.get(day) ?? emptyDay(day);
    if (isOutcome(kind)) row[kind] += n;
    days.set(day, row);
  }
  return fillDays(period, days.values(), emptyDay);
}

const OUTCOMES = ["started", "completed", "failed", "cancelled", "replied", "noResponse"] as const;
const isOutcome = (kind: string): kind is (typeof OUTCOMES)[number] => (OUTCOMES as readonly string[]).includes(kind);
