import { z } from "zod";
import { durationSchema, toSeconds } from "../duration.ts";
import { isTimeZone, weekdays } from "../local-time.ts";
import { defineNode } from "../node-definition.ts";

export const MIN_DELAY_SECONDS = 5;
export const MAX_DELAY_SECONDS = 90 * 86400;

const untilSchema = z.object({
  time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00"),
  weekdays: z
    .array(z.enum(weekdays))
    .max(7)
    .refine((days) => new Set(days).size === days.length, "A weekday is listed twice")
    .optional(),
  timezone: z.string().trim().refine(isTimeZone, "Unknown time zone: use an IANA name such as Europe/Rome"),
});

export const delayConfig = z
  .object({
    duration: durationSchema
      .refine((d) => toSeconds(d) >= MIN_DELAY_SECONDS && toSeconds(d) <= MAX_DELAY_SECONDS, { message: "Must be between 5 seconds and 90 days" })
      .optional(),
    until: untilSchema.optional(),
  })
  .superRefine((data, ctx) => {
    if ((data.duration === undefined) === (data.until === undefined)) {
      ctx.addIssue({ code: "custom", message: "Wait either for a duration or until a time of day, not both" });
    }
  });
export type DelayConfig = z.infer<typeof delayConfig>;

export const delay = defineNode({
  type: "delay",
  label: "Delay",
  description: "Pauses the run for a while, or until a time of day on chosen weekdays. Replies do not end it.",
  category: "Logic",
  config: delayConfig,
  defaults: { duration: { amount: 1, unit: "hours" } },
  outputs: [{ id: "default", label: "Next", required: true }],
  acceptsInput: true,
  waits: true,
});
