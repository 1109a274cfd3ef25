"use client";

import type { z } from "zod";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { dayOutcomesSchema } from "@/lib/reports/report-schema";
import { ChartSection } from "./chart-section";
import { NumberTable } from "./number-table";
import { colors, formatCount } from "./report-words";

type Day = z.infer<typeof dayOutcomesSchema>;

const series = [
  { key: "started", name: "Started", color: colors.blue },
  { key: "completed", name: "Completed", color: colors.brand },
  { key: "failed", name: "Failed", color: colors.red },
  { key: "cancelled", name: "Cancelled", color: colors.slate },
  { key: "replied", name: "Replied", color: colors.violet },
  { key: "noResponse", name: "No response", color: colors.amber },
] as const;

/** Per UTC day of the period: runs started and ended by outcome, and reply waits replied or silent. */
export function OutcomesChart({ days }: { days: Day[] }) {
  const quiet = days.every((d) => series.every((s) => d[s.key] === 0));
  return (
    <ChartSection
      id="report-by-day"
      title="Outcomes by day"
      description="Runs started, runs that ended (completed, failed, cancelled) and Customer Response waits that ended, per day. Days are in UTC."
      empty={quiet ? "Nothing happened in this period." : null}
      chart={
        <LineChart data={days} responsive style={{ width: "100%", height: 260 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line key={s.key} type="linear" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      }
      table={
        <NumberTable
          caption="Outcomes by day (UTC)"
          columns={["Day (UTC)", ...series.map((s) => s.name)]}
          rows={days.map((day) => ({ key: day.day, cells: [day.day, ...series.map((s) => formatCount(day[s.key]))] }))}
        />
      }
    />
  );
}
