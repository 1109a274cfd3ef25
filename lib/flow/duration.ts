import { z } from "zod";

export const durationUnits = ["seconds", "minutes", "hours", "days"] as const;
export type DurationUnit = (typeof durationUnits)[number];

const secondsPerUnit: Record<DurationUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

export const durationSchema = z.object({
  amount: z.number().int("Use a whole number").positive("Must be at least 1"),
  unit: z.enum(durationUnits),
});
export type Duration = z.infer<typeof durationSchema>;

export const toSeconds = (d: Duration): number => d.amount * secondsPerUnit[d.unit];

export function formatDuration({ amount, unit }: Duration): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** Bounds every timer so a typo cannot park a run for years or spin it every millisecond. */
export const MIN_WAIT_SECONDS = 5;
export const MAX_WAIT_SECONDS = 30 * 86400;

export const boundedDurationSchema = durationSchema.refine(
  (d) => toSeconds(d) >= MIN_WAIT_SECONDS && toSeconds(d) <= MAX_WAIT_SECONDS,
  { message: "Must be between 5 seconds and 30 days" },
);
