import { z } from "zod";
import { malformedFields, unknownFieldMessage, unknownFields } from "./template.ts";

/** Text with dynamic fields: at most `max` characters, every `{{field}}` one that exists. */
export const templatedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const name of unknownFields(text)) ctx.addIssue({ code: "custom", message: unknownFieldMessage(name) });
      for (const inner of malformedFields(text)) {
        ctx.addIssue({ code: "custom", message: `{{${inner}}} is not a field: field keys are lowercase letters, digits and _ ({{contact.fields.order_id}})` });
      }
    });
