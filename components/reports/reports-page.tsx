"use client";

import { ArrowLeft, BarChart3, CloudOff } from "lucide-react";
import Link from "next/link";
import { fetchJson } from "@/components/runs/fetch-json";
import { LiveIndicator } from "@/components/runs/live-indicator";
import { StateMessage } from "@/components/runs/state-message";
import { usePolling } from "@/components/runs/use-polling";
import { automationReportSchema, type AutomationReport } from "@/lib/reports/report-schema";
import { FunnelChart } from "./funnel-chart";
import { OutcomesChart } from "./outcomes-chart";
import { ReplySection } from "./reply-section";
import { ReportControls } from "./report-controls";
import { stepName } from "./report-words";
import { reportQueryString, useReportFilters } from "./use-report-filters";

/** The backstop poll; while the live stream is open, run changes of this automation reload it. */
const POLL_MS = 30_000;

type Props = { automationId: string; name: string };

/** Reports of one automation: funnel, Customer Responses and outcomes by day, for a version and period. */
export function ReportsPage({ automationId, name }: Props) {
  const { filters, setFilters } = useReportFilters();
  const query = reportQueryString(filters);
  const base = `/api/automations/${encodeURIComponent(automationId)}`;
  const report = usePolling(query, (signal) => fetchJson(`${base}/reports?${query}`, automationReportSchema, { signal }), {
    intervalMs: POLL_MS,
    live: { topic: "runs", automationId },
  });
  const data = report.data;

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-6xl space-y-6 px-6 py-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <Link href={`/automations/${automationId}`} className="inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline">
              <ArrowLeft aria-hidden className="size-3.5" />
              Back to the editor
            </Link>
            <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">{data?.automation.name ?? name}</h1>
            <p className="mt-1 text-sm text-slate-500">Reports · days are in UTC</p>
          </div>
          <LiveIndicator updatedAt={report.updatedAt} error={report.error} paused={report.paused} live={!report.stopped} />
        </div>

        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
          <ReportControls
            filters={filters}
            versions={data?.versions ?? []}
            version={data?.version ?? null}
            period={data?.period ?? null}
            today={data?.today ?? null}
            csvUrl={`${base}/reports.csv${query ? `?${query}` : ""}`}
            onChange={setFilters}
          />
        </div>

        {report.error && (data === null || report.stopped) ? (
          <StateMessage icon={CloudOff} title="Couldn't load the report" tone="error">
            {report.error}. {report.stopped ? "Check the version and the period." : "Retrying."}
          </StateMessage>
        ) : data === null ? (
          <p className="py-10 text-center text-sm text-slate-500">Loading the report…</p>
        ) : data.version === null ? (
          <StateMessage icon={BarChart3} title="Not published yet">
            Reports cover published versions. Publish the automation in the editor, start it for some contacts, and the numbers appear here.
          </StateMessage>
        ) : (
          <ReportBody report={data} />
        )}
      </div>
    </div>
  );
}

function ReportBody({ report }: { report: AutomationReport }) {
  const names = new Map(report.funnel.map((step) => [step.nodeId, stepName(step)]));
  return (
    <>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <FunnelChart steps={report.funnel} />
      </div>
      <section aria-labelledby="report-replies" className="space-y-3">
        <div>
          <h2 id="report-replies" className="text-base font-semibold text-slate-900">
            Customer Responses
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">Replies in time (any route) against silences, since the version was published.</p>
        </div>
        {report.replies.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">This version has no Customer Response step.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {report.replies.map((stats) => (
              <ReplySection key={stats.nodeId} stats={stats} name={names.get(stats.nodeId) ?? stats.nodeId} />
            ))}
          </div>
        )}
      </section>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <OutcomesChart days={report.byDay} />
      </div>
    </>
  );
}
