import { z } from "zod";
import { unknownFieldMessage, unknownFields } from "./template.ts";

/** Text with dynamic fields: at most `max` characters, every `{{field}}` one that exists. */
export const templatedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const name of unknownFields(text)) ctx.addIssue({ code: "custom", message: unknownFieldMessage(name) });
    });
