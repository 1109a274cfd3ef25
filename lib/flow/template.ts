import { FIELD_KEY_PATTERN } from "./field-key.ts";

/**
 * Dynamic fields in text: `{{contact.name}}`, `{{contact.phone}}`, `{{contact.fields.<key>}}`,
 * `{{lastReply}}`, each with `{{field | fallback}}`.
 */
export const templateFields = ["contact.name", "contact.phone", "lastReply"] as const;
export type TemplateField = (typeof templateFields)[number];
export type TemplateContext = Record<TemplateField, string | null | undefined> & {
  /** The contact's fields, for `{{contact.fields.<key>}}`. */
  fields?: Record<string, string>;
};

/** The prefix of a contact field in a template; what follows must be a field key. */
export const FIELD_PREFIX = "contact.fields.";

/** The key of `contact.fields.<key>`, or null when the name is not a (well-formed) contact field. */
export function contactFieldKey(name: string): string | null {
  if (!name.startsWith(FIELD_PREFIX)) return null;
  const key = name.slice(FIELD_PREFIX.length);
  return FIELD_KEY_PATTERN.test(key) ? key : null;
}

/** A message text as literal text and fields; `fallback` is undefined when there is no `|`. */
export type TemplateToken =
  | { type: "text"; text: string }
  | { type: "field"; name: string; fallback: string | undefined };

const isTemplateField = (name: string): name is TemplateField =>
  (templateFields as readonly string[]).includes(name);

/**
 * Splits a text into literal text and `{{ name | fallback }}` fields, in one pass.
 *
 * It reads exactly what `/\{\{\s*([\w.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g` used to match (the unit
 * tests compare the two), without its backtracking: that regex took seconds on `{{a|` followed by
 * a few thousand spaces, on the web server (publish) and in every worker step. A name is ASCII
 * letters, digits, `_` and `.`; the fallback runs to the first `}`, which must be followed by
 * another `}`, and is trimmed. Anything that does not parse stays text, and the scan goes on from
 * the next character, so `{{{a}}` is `{` then the field `a`.
 */
export function parseTemplate(text: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  const closes = new NextIndex(text, "}");
  let textStart = 0;
  for (let open = text.indexOf("{{"); open !== -1; ) {
    const field = readField(text, open + 2, closes);
    if (!field) {
      open = text.indexOf("{{", open + 1);
      continue;
    }
    if (open > textStart) tokens.push({ type: "text", text: text.slice(textStart, open) });
    tokens.push({ type: "field", name: field.name, fallback: field.fallback });
    textStart = field.end;
    open = text.indexOf("{{", field.end);
  }
  if (textStart < text.length) tokens.push({ type: "text", text: text.slice(textStart) });
  return tokens;
}

export function unknownFields(text: string): string[] {
  return fieldNames(text).filter((name) => !isTemplateField(name) && contactFieldKey(name) === null);
}

/**
 * `{{...}}` in the literal text: braces that look like a field but do not parse as one
 * (`{{contact.fields.Bad-Key}}`), which would otherwise go out to the contact as typed.
 */
export function malformedFields(text: string): string[] {
  const found: string[] = [];
  for (const token of parseTemplate(text)) {
    if (token.type !== "text") continue;
    for (let open = token.text.indexOf("{{"); open !== -1; open = token.text.indexOf("{{", open + 2)) {
      const close = token.text.indexOf("}}", open + 2);
      if (close === -1) break;
      const inner = token.text.slice(open + 2, close);
      if (inner.trim() !== "" && inner.length <= 120 && !inner.includes("{")) found.push(inner.trim());
    }
  }
  return found;
}

/** Keys of the contact fields a text reads (`{{contact.fields.city}}` → `city`), once each. */
export const contactFieldKeys = (text: string): string[] => [
  ...new Set(fieldNames(text).flatMap((name) => contactFieldKey(name) ?? [])),
];

/** The message shown for an unknown field, listing what may be used. */
export const unknownFieldMessage = (name: string) =>
  `Unknown field {{${name}}}; use ${templateFields.map((f) => `{{${f}}}`).join(", ")} or {{contact.fields.<key>}}`;

export const usesLastReply = (text: string): boolean => fieldNames(text).includes("lastReply");

/** `encode` escapes each filled-in value (and fallback) for where it lands, e.g. a URL or a JSON string. */
export function renderTemplate(text: string, context: TemplateContext, encode: (value: string) => string = (v) => v): string {
  return parseTemplate(text)
    .map((token) => {
      if (token.type === "text") return token.text;
      const key = contactFieldKey(token.name);
      const value = isTemplateField(token.name) ? context[token.name] : key !== null ? context.fields?.[key] : undefined;
      return encode(value ? value : (token.fallback ?? ""));
    })
    .join("");
}

const fieldNames = (text: string): string[] =>
  parseTemplate(text).flatMap((token) => (token.type === "field" ? [token.name] : []));

type Field = { name: string; fallback: string | undefined; end: number };

/** The field whose `{{` ends just before `start`, or null; `end` is just past its `}}`. */
function readField(text: string, start: number, closes: NextIndex): Field | null {
  const nameStart = skipSpaces(text, start);
  let at = nameStart;
  while (at < text.length && isNameChar(text.charCodeAt(at))) at++;
  if (at === nameStart) return null;
  const name = text.slice(nameStart, at);
  at = skipSpaces(text, at);
  if (text.startsWith("}}", at)) return { name, fallback: undefined, end: at + 2 };
  if (text[at] !== "|") return null;
  // The fallback cannot hold a `}`: it ends at the first one, which must start `}}`.
  const close = closes.from(at + 1);
  if (close === -1 || text[close + 1] !== "}") return null;
  return { name, fallback: text.slice(at + 1, close).trim(), end: close + 2 };
}

/** `\w` and `.`, as the regex read them: ASCII only. */
function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46
  );
}

const SPACE = /\s/;

/** Past the regex's `\s*` (the same characters String.prototype.trim removes). */
function skipSpaces(text: string, at: number): number {
  while (at < text.length && SPACE.test(text.charAt(at))) at++;
  return at;
}

/**
 * `text.indexOf(char, from)`, remembering its last answer: many unterminated fields
 * (`{{a|{{a|...`) would otherwise each search the rest of the text.
 */
class NextIndex {
  private searchedFrom = Infinity;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(position: number): number {
    // The last answer holds while no position between it and the last search was skipped.
    if (position < this.searchedFrom || (this.found !== -1 && this.found < position)) {
      this.searchedFrom = position;
      this.found = this.text.indexOf(this.char, position);
    }
    return this.found;
  }
}
