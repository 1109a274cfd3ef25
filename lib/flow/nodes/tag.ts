import { z } from "zod";
import { tagSchema } from "../field-key.ts";
import { defineNode } from "../node-definition.ts";

const tagList = z.array(tagSchema).max(20, "At most 20 tags").optional();

export const tagConfig = z
  .object({ add: tagList, remove: tagList })
  .refine((data) => (data.add?.length ?? 0) + (data.remove?.length ?? 0) > 0, { message: "Add or remove at least one tag" });
export type TagConfig = z.infer<typeof tagConfig>;

export const tag = defineNode({
  type: "tag",
  label: "Tag",
  description: "Adds tags to the contact or removes them (ignoring case).",
  category: "Contact",
  config: tagConfig,
  defaults: { add: ["new"] },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
