import { FIELD_KEY_PATTERN } from "./field-key.ts";
import { FIELD_PREFIX } from "./template.ts";
import { compileRegex, regexFinds } from "./regex.ts";

export { compileRegex };

export const ruleOps = [
  "equals",
  "notEquals",
  "contains",
  "notContains",
  "startsWith",
  "matches",
  "exists",
  "notExists",
  "greaterThan",
  "lessThan",
  "includes",
  "excludes",
] as const;
export type RuleOp = (typeof ruleOps)[number];
export type Rule = { subject: string; op: RuleOp; value?: string };
export type RuleSubjectValues = {
  name: string | null;
  phone: string | null;
  fields: Record<string, string>;
  tags: string[];
  lastReply: string | null;
};

type TagOp = "includes" | "excludes" | "exists" | "notExists";
type TextOp = Exclude<RuleOp, "includes" | "excludes">;

const tagOps: readonly TagOp[] = ["includes", "excludes", "exists", "notExists"];
const textOps: readonly TextOp[] = ruleOps.filter(isTextOp);

const textSubjects = new Set(["contact.name", "contact.phone", "lastReply"]);

/** What a subject holds, or null when it names nothing a rule can look at. */
export function subjectKind(subject: string): "text" | "tags" | null {
  if (subject === "contact.tags") return "tags";
  if (textSubjects.has(subject)) return "text";
  if (subject.startsWith(FIELD_PREFIX) && FIELD_KEY_PATTERN.test(subject.slice(FIELD_PREFIX.length))) {
    return "text";
  }
  return null;
}

/** The ops the editor offers, and publish accepts, for a kind of subject. */
export function opsFor(kind: "text" | "tags"): readonly RuleOp[] {
  return kind === "tags" ? tagOps : textOps;
}

export const opNeedsValue = (op: RuleOp): boolean => op !== "exists" && op !== "notExists";

/**
 * Whether a contact satisfies one rule. Text is compared trimmed, case-folded and in NFC, so
 * " Milano" from a CSV import equals "milano" typed in the editor. Semantics worth knowing:
 * - a missing field, a null name and a null last reply are the empty text, so `equals ""` is true
 *   on them, `contains "x"` false, and `notEquals` / `notContains` true;
 * - `exists` means non-empty after trimming (a field holding "  " is not set);
 * - `matches` is an unanchored, case-insensitive RE2 search on the trimmed text, run even on the
 *   empty text (so `^$` finds it); the pattern itself is not trimmed, since spaces in it matter;
 * - `greaterThan` / `lessThan` need both sides to be plain decimal numbers ("12", "-0.5", "1e3");
 *   anything else, including the empty text, is false on both;
 * - tags compare like text; blank tags count as no tag.
 * A rule that publish would refuse (unknown subject, an op that does not fit it, a bad pattern)
 * is false rather than an error: a run in flight should take the `false` path, not crash.
 */
export function evaluateRule(rule: Rule, values: RuleSubjectValues): boolean {
  const kind = subjectKind(rule.subject);
  const value = rule.value ?? "";
  if (kind === "tags") return isTagOp(rule.op) && tagTests[rule.op](values.tags, value);
  if (kind !== "text" || !isTextOp(rule.op)) return false;
  return textTests[rule.op](subjectText(rule.subject, values), value);
}

/** Words for the canvas: "tag is vip", "city is Milano", "total > 100", "email is not set". */
export function describeRule(rule: Rule): string {
  const value = rule.op === "matches" ? (rule.value ?? "") : (rule.value ?? "").trim();
  if (rule.subject === "contact.tags") {
    if (rule.op === "exists") return "has any tag";
    if (rule.op === "notExists") return "has no tags";
    return `tag ${opWords[rule.op]} ${value}`;
  }
  const subject = subjectLabel(rule.subject);
  if (!opNeedsValue(rule.op)) return `${subject} ${opWords[rule.op]}`;
  if (value === "" && rule.op === "equals") return `${subject} is empty`;
  if (value === "" && rule.op === "notEquals") return `${subject} is not empty`;
  return `${subject} ${opWords[rule.op]} ${value === "" ? '""' : value}`;
}

const opWords: Record<RuleOp, string> = {
  equals: "is",
  notEquals: "is not",
  contains: "contains",
  notContains: "does not contain",
  startsWith: "starts with",
  matches: "matches",
  exists: "is set",
  notExists: "is not set",
  greaterThan: ">",
  lessThan: "<",
  includes: "is",
  excludes: "is not",
};

/** A subject as the canvas says it: "last reply", "name", "tags", "city" (a contact field's key). */
export function subjectLabel(subject: string): string {
  if (subject === "contact.name") return "name";
  if (subject === "contact.phone") return "phone";
  if (subject === "contact.tags") return "tags";
  if (subject === "lastReply") return "last reply";
  if (subject.startsWith(FIELD_PREFIX)) return subject.slice(FIELD_PREFIX.length);
  return subject;
}

function subjectText(subject: string, values: RuleSubjectValues): string {
  if (subject === "contact.name") return values.name ?? "";
  if (subject === "contact.phone") return values.phone ?? "";
  if (subject === "lastReply") return values.lastReply ?? "";
  const key = subject.slice(FIELD_PREFIX.length);
  // hasOwn: a field key such as "constructor" must not read Object.prototype.
  const field: unknown = Object.hasOwn(values.fields, key) ? values.fields[key] : undefined;
  return typeof field === "string" ? field : "";
}

/** Trimmed, NFC, lower case: the form every text and tag comparison uses. */
export const fold = (text: string): string => text.trim().normalize("NFC").toLowerCase();

const textTests: Record<TextOp, (text: string, value: string) => boolean> = {
  equals: (text, value) => fold(text) === fold(value),
  notEquals: (text, value) => fold(text) !== fold(value),
  contains: (text, value) => fold(text).includes(fold(value)),
  notContains: (text, value) => !fold(text).includes(fold(value)),
  startsWith: (text, value) => fold(text).startsWith(fold(value)),
  matches: (text, pattern) => regexFinds(pattern, text.trim()),
  exists: (text) => text.trim() !== "",
  notExists: (text) => text.trim() === "",
  greaterThan: (text, value) => compareNumbers(text, value, (a, b) => a > b),
  lessThan: (text, value) => compareNumbers(text, value, (a, b) => a < b),
};

const tagTests: Record<TagOp, (tags: string[], value: string) => boolean> = {
  includes: (tags, value) => presentTags(tags).includes(fold(value)),
  excludes: (tags, value) => !presentTags(tags).includes(fold(value)),
  exists: (tags) => presentTags(tags).length > 0,
  notExists: (tags) => presentTags(tags).length === 0,
};

const presentTags = (tags: string[]): string[] => tags.map(fold).filter((tag) => tag !== "");

// Plain decimals only: Number() alone would also read "0x1f", "Infinity" and "" (as 0).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A plain decimal number such as 12, -0.5 or 1e3 (at most 50 characters: the regex stays cheap). */
export const isDecimal = (text: string): boolean => text.length <= 50 && DECIMAL.test(text);

function compareNumbers(
  text: string,
  value: string,
  compare: (a: number, b: number) => boolean,
): boolean {
  const a = text.trim();
  const b = value.trim();
  return isDecimal(a) && isDecimal(b) && compare(Number(a), Number(b));
}

function isTextOp(op: RuleOp): op is TextOp {
  return op !== "includes" && op !== "excludes" && ruleOps.includes(op);
}

function isTagOp(op: RuleOp): op is TagOp {
  return op === "includes" || op === "excludes" || op === "exists" || op === "notExists";
}
