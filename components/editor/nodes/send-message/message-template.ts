import { isRecord } from "../../editor-node";
import { stringsOf, textOf } from "../node-data";

export type TemplateDraft = { name: string; language: string; params: string[] };

/** A draft's template, read from either DESIGN.md shape: a bare name or `{name, language?, params?}`. */
export function readTemplate(value: unknown): TemplateDraft {
  if (typeof value === "string") return { name: value, language: "", params: [] };
  if (!isRecord(value)) return { name: "", language: "", params: [] };
  return { name: textOf(value.name), language: textOf(value.language), params: stringsOf(value.params) };
}

/** Back to the stored shape: `{name, language?, params?}`, or nothing when all of it is empty. */
export function writeTemplate({ name, language, params }: TemplateDraft): Record<string, unknown> | undefined {
  if (name === "" && language === "" && params.length === 0) return undefined;
  return { name, ...(language !== "" ? { language } : {}), ...(params.length > 0 ? { params } : {}) };
}
