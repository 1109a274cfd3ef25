/** Dynamic fields in message text: `{{contact.name}}`, `{{lastReply}}`, with `{{field | fallback}}`. */
export const templateFields = ["contact.name", "contact.phone", "lastReply"] as const;
export type TemplateField = (typeof templateFields)[number];
export type TemplateContext = Record<TemplateField, string | null | undefined>;

const FIELD = /\{\{\s*([\w.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

const isTemplateField = (name: string): name is TemplateField =>
  (templateFields as readonly string[]).includes(name);

export function unknownFields(text: string): string[] {
  return [...text.matchAll(FIELD)].map((m) => m[1] ?? "").filter((name) => !isTemplateField(name));
}

export const usesLastReply = (text: string): boolean =>
  [...text.matchAll(FIELD)].some((m) => m[1] === "lastReply");

export function renderTemplate(text: string, context: TemplateContext): string {
  return text.replace(FIELD, (_match, name: string, fallback: string | undefined) => {
    const value = isTemplateField(name) ? context[name] : undefined;
    return value ? value : (fallback ?? "");
  });
}
