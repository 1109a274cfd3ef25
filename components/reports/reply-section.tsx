"use client";

import type { z } from "zod";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatRate, formatSeconds } from "@/components/editor/stats/format-seconds";
import type { replyStatsSchema } from "@/lib/reports/report-schema";
import { ChartSection } from "./chart-section";
import { NumberTable } from "./number-table";
import { colors, formatCount } from "./report-words";

type Stats = z.infer<typeof replyStatsSchema>;

/** One Customer Response: its reply rate as a figure, and how long replies took as a histogram. */
export function ReplySection({ stats, name }: { stats: Stats; name: string }) {
  const ended = stats.replied + stats.noResponse;
  const id = `report-replies-${stats.nodeId}`;
  return (
    <article aria-labelledby={id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {name}
      </h3>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Figure label="Reply rate" value={stats.replyRate === null ? "—" : formatRate(stats.replyRate)} hint={ended === 0 ? "No wait has ended yet" : `${formatCount(stats.replied)} of ${formatCount(ended)}`} />
        <Figure label="No response" value={formatCount(stats.noResponse)} hint={stats.deliveryFailed > 0 ? `${formatCount(stats.deliveryFailed)} not delivered` : undefined} />
        <Figure label="Median time to reply" value={stats.p50Seconds === null ? "—" : formatSeconds(stats.p50Seconds)} />
        <Figure label="90% replied within" value={stats.p90Seconds === null ? "—" : formatSeconds(stats.p90Seconds)} />
      </dl>
      <ChartSection
        id={`${id}-histogram`}
        level={3}
        title={`Time to reply · step ${stats.position}`}
        description="Replies by how long they took (times are estimated within each bucket)."
        empty={stats.replied === 0 ? "No replies yet." : null}
        chart={
          <BarChart data={stats.histogram} responsive style={{ width: "100%", height: 200 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={50} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <Tooltip />
            <Bar dataKey="count" name="Replies" fill={colors.brand} isAnimationActive={false} />
          </BarChart>
        }
        table={
          <NumberTable
            caption={`Time to reply at step ${stats.position}`}
            columns={["Replied within", "Replies"]}
            rows={stats.histogram.map((bucket) => ({ key: bucket.label, cells: [bucket.label, formatCount(bucket.count)] }))}
          />
        }
      />
    </article>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
