import { z } from "zod";
import { fieldKeySchema } from "../field-key.ts";
import { defineNode } from "../node-definition.ts";
import { templatedText } from "../templated-text.ts";

export const setFieldConfig = z.object({
  field: fieldKeySchema,
  /** Empty once filled in: the field is removed. */
  value: templatedText(1000),
});
export type SetFieldConfig = z.infer<typeof setFieldConfig>;

export const setField = defineNode({
  type: "setField",
  label: "Set field",
  description: "Stores a value (with dynamic fields) in one of the contact's fields.",
  category: "Contact",
  config: setFieldConfig,
  defaults: { field: "status", value: "contacted" },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
