import type { z } from "zod";
import type { funnelStepSchema } from "@/lib/reports/report-schema";

type Step = Pick<z.infer<typeof funnelStepSchema>, "position" | "label" | "summary">;

/** "3. Customer Response · waits 10 minutes": how the page names a step everywhere. */
export const stepName = (step: Step) => `${step.position}. ${step.label}${step.summary ? ` · ${step.summary}` : ""}`;

export const formatCount = (n: number) => n.toLocaleString("en");

/** Chart colours (hex: SVG attributes do not read Tailwind's CSS variables everywhere). */
export const colors = {
  brand: "#059669",
  brandLight: "#a7f3d0",
  slate: "#64748b",
  red: "#dc2626",
  amber: "#d97706",
  blue: "#2563eb",
  violet: "#7c3aed",
} as const;
