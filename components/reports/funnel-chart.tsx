"use client";

import type { z } from "zod";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { funnelStepSchema } from "@/lib/reports/report-schema";
import { ChartSection } from "./chart-section";
import { NumberTable } from "./number-table";
import { colors, formatCount, stepName } from "./report-words";

type Step = z.infer<typeof funnelStepSchema>;

const ROW_HEIGHT = 44;

/** Entered per step as horizontal bars, with how many left it (on any output) beside them. */
export function FunnelChart({ steps }: { steps: Step[] }) {
  // The axis names steps briefly; the tooltip and the table give the full name.
  const data = steps.map((step) => ({ name: `${step.position}. ${step.label}`, full: stepName(step), entered: step.entered, left: step.exits.reduce((sum, e) => sum + e.count, 0) }));
  const nobody = steps.every((s) => s.entered === 0);
  return (
    <ChartSection
      id="report-funnel"
      title="Funnel"
      description="How many runs entered each step and left it, since the version was published. Steps in order from the trigger."
      empty={steps.length === 0 ? "This version has no steps." : nobody ? "No contact has entered this version yet." : null}
      chart={
        <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height: steps.length * ROW_HEIGHT + 56 }} margin={{ right: 40 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.full ?? _label)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="entered" name="Entered" fill={colors.brand} isAnimationActive={false}>
            <LabelList dataKey="entered" position="right" fontSize={12} />
          </Bar>
          <Bar dataKey="left" name="Left" fill={colors.brandLight} isAnimationActive={false} />
        </BarChart>
      }
      table={
        <NumberTable
          caption="Funnel: entered and left per step"
          columns={["Step", "Entered", "Left on"]}
          rows={steps.map((step) => ({
            key: step.nodeId,
            cells: [
              stepName(step),
              formatCount(step.entered),
              step.exits.length === 0 ? "—" : step.exits.map((e) => `${e.label}: ${formatCount(e.count)}`).join(" · "),
            ],
          }))}
        />
      }
    />
  );
}
