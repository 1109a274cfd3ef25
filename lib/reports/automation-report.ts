import { PUBLISHED_VERSIONS } from "../automations/published.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { db } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import { graphSchema } from "../flow/graph.ts";
import { funnelSteps } from "./funnel.ts";
import { readNodeCounts } from "./node-counts.ts";
import { emptyDay, outcomesByDay } from "./outcomes-by-day.ts";
import { resolvePeriod, type ReportQuery } from "./report-period.ts";
import type { AutomationReport } from "./report-schema.ts";
import { replyStats } from "./reply-stats.ts";
import { fillDays } from "./utc-days.ts";

/**
 * An automation's report for one published version (the latest by default) and a period of UTC
 * days: its funnel and Customer Response figures from the version's counters (since it was
 * published), and its outcomes per day of the period from the runs and their reply waits.
 */
export async function automationReport(automationId: string, query: ReportQuery): Promise<AutomationReport> {
  const workspaceId = currentWorkspaceId();
  const automation = await db().automation.findFirst({
    where: { id: automationId, workspaceId },
    select: {
      id: true,
      name: true,
      // Published versions only (as the stats endpoint reads them: numbered from 1).
      versions: { where: PUBLISHED_VERSIONS, select: { id: true, version: true, createdAt: true }, orderBy: { version: "desc" } },
    },
  });
  if (!automation) throw notFound("Automation");
  const today = await todayUtc();
  const period = resolvePeriod(query, today);
  const versions = automation.versions.map((v) => v.version);
  const chosen = query.version === undefined ? automation.versions[0] : automation.versions.find((v) => v.version === query.version);
  if (query.version !== undefined && !chosen) throw new AppError("not_found", `Version ${query.version} of this automation not found`);
  const base = { automation: { id: automation.id, name: automation.name }, versions, period: { ...period, timeZone: "UTC" as const }, today };
  if (!chosen) return { ...base, version: null, publishedAt: null, funnel: [], replies: [], byDay: fillDays(period, [], emptyDay) };

  // Versions are stored validated; the loose draft shape is enough to lay out a funnel.
  const [stored, counts, byDay] = await Promise.all([
    db().automationVersion.findUniqueOrThrow({ where: { id: chosen.id }, select: { graph: true } }),
    readNodeCounts(chosen.id),
    outcomesByDay({ workspaceId, automationId, versionId: chosen.id }, period),
  ]);
  const graph = graphSchema.parse(stored.graph);
  const funnel = funnelSteps(graph, counts);
  return { ...base, version: chosen.version, publishedAt: chosen.createdAt.toISOString(), funnel, replies: replyStats(graph, funnel, counts), byDay };
}

/** Today in UTC by the database's clock, as every other time in the product. */
async function todayUtc(): Promise<string> {
  const [row] = await db().$queryRaw<{ today: string }[]>`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS today`;
  return row?.today ?? new Date().toISOString().slice(0, 10);
}
