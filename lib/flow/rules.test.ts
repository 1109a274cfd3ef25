import { describe, expect, it } from "vitest";
import {
  compileRegex,
  describeRule,
  evaluateRule,
  opNeedsValue,
  opsFor,
  ruleOps,
  subjectKind,
  type Rule,
  type RuleOp,
  type RuleSubjectValues,
} from "./rules.ts";

const contact: RuleSubjectValues = {
  name: "  Maria Rossi ",
  phone: "+39 333 1234567",
  fields: { city: "Milano", total: " 150 ", blank: "   ", email: "", score: "abc", ratio: "0.5" },
  tags: ["VIP", " newsletter ", ""],
  lastReply: "Yes, please!",
};
const empty: RuleSubjectValues = { name: null, phone: "", fields: {}, tags: [], lastReply: null };

const check = (subject: string, op: RuleOp, value?: string, values = contact) =>
  evaluateRule({ subject, op, value }, values);

describe("evaluateRule: text comparisons", () => {
  it("trims and ignores case on both sides", () => {
    expect(check("contact.name", "equals", "maria rossi")).toBe(true);
    expect(check("contact.name", "equals", "  MARIA ROSSI  ")).toBe(true);
    expect(check("contact.fields.city", "equals", "milano ")).toBe(true);
    expect(check("contact.fields.city", "equals", "Milan")).toBe(false);
    expect(check("contact.fields.city", "notEquals", "Roma")).toBe(true);
    expect(check("contact.fields.city", "notEquals", "MILANO")).toBe(false);
  });

  it("contains, notContains and startsWith", () => {
    expect(check("contact.name", "contains", "ROSSI")).toBe(true);
    expect(check("contact.name", "contains", "Bianchi")).toBe(false);
    expect(check("contact.name", "notContains", "Bianchi")).toBe(true);
    expect(check("contact.name", "notContains", "rossi")).toBe(false);
    expect(check("contact.phone", "startsWith", "+39")).toBe(true);
    expect(check("contact.phone", "startsWith", " +39 333")).toBe(true);
    expect(check("contact.phone", "startsWith", "+41")).toBe(false);
    expect(check("lastReply", "startsWith", "yes")).toBe(true);
  });

  it("treats composed and decomposed accents alike", () => {
    const values = { ...contact, fields: { city: "Forli\u0300" } };
    expect(check("contact.fields.city", "equals", "FORLÌ", values)).toBe(true);
  });

  it("reads a missing field, a null name and a null last reply as the empty text", () => {
    for (const subject of ["contact.name", "lastReply", "contact.fields.city", "contact.fields.blank"]) {
      const values = subject === "contact.fields.blank" ? contact : empty;
      expect(check(subject, "equals", "", values), subject).toBe(true);
      expect(check(subject, "equals", "x", values), subject).toBe(false);
      expect(check(subject, "contains", "x", values), subject).toBe(false);
      expect(check(subject, "notEquals", "x", values), subject).toBe(true);
      expect(check(subject, "notContains", "x", values), subject).toBe(true);
      expect(check(subject, "startsWith", "x", values), subject).toBe(false);
    }
  });

  it("exists means non-empty after trimming", () => {
    expect(check("contact.fields.city", "exists")).toBe(true);
    expect(check("contact.fields.blank", "exists")).toBe(false);
    expect(check("contact.fields.email", "exists")).toBe(false);
    expect(check("contact.fields.missing", "exists")).toBe(false);
    expect(check("contact.fields.blank", "notExists")).toBe(true);
    expect(check("contact.fields.city", "notExists")).toBe(false);
    expect(check("contact.name", "exists", undefined, empty)).toBe(false);
    expect(check("lastReply", "notExists", undefined, empty)).toBe(true);
    expect(check("contact.phone", "exists")).toBe(true);
  });

  it("does not read inherited properties as fields", () => {
    expect(check("contact.fields.constructor", "exists")).toBe(false);
    expect(check("contact.fields.tostring", "exists")).toBe(false);
    expect(check("contact.fields.constructor", "equals", "")).toBe(true);
  });
});

describe("evaluateRule: matches", () => {
  it("is an unanchored, case-insensitive search", () => {
    expect(check("lastReply", "matches", "^yes")).toBe(true);
    expect(check("lastReply", "matches", "PLEASE")).toBe(true);
    expect(check("lastReply", "matches", "^please")).toBe(false);
    expect(check("lastReply", "matches", "^(yes|si|sì)\\b")).toBe(true);
    expect(check("contact.phone", "matches", "^\\+39")).toBe(true);
  });

  it("runs on the trimmed text", () => {
    expect(check("contact.name", "matches", "^maria rossi$")).toBe(true);
  });

  it("still runs on the empty text", () => {
    expect(check("lastReply", "matches", "^$", empty)).toBe(true);
    expect(check("lastReply", "matches", ".", empty)).toBe(false);
    expect(check("contact.fields.blank", "matches", "^$")).toBe(true);
  });

  it("evaluates an invalid pattern as false", () => {
    expect(check("lastReply", "matches", "(yes")).toBe(false);
    expect(check("lastReply", "matches", "(?=yes)")).toBe(false);
    expect(check("lastReply", "matches", "y".repeat(501))).toBe(false);
  });

  it("finishes quickly on a pattern that backtracking engines take forever on", () => {
    const values = { ...contact, lastReply: `${"a".repeat(50_000)}b` };
    const started = performance.now();
    expect(check("lastReply", "matches", "(a+)+$", values)).toBe(false);
    expect(check("lastReply", "matches", "(a|aa)+c", values)).toBe(false);
    expect(check("lastReply", "matches", "(a+)+b", values)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("evaluateRule: numbers", () => {
  it("compares decimal numbers after trimming", () => {
    expect(check("contact.fields.total", "greaterThan", "100")).toBe(true);
    expect(check("contact.fields.total", "greaterThan", " 150")).toBe(false);
    expect(check("contact.fields.total", "lessThan", "150.5")).toBe(true);
    expect(check("contact.fields.total", "lessThan", "1e3")).toBe(true);
    expect(check("contact.fields.ratio", "greaterThan", ".25")).toBe(true);
    expect(check("contact.fields.ratio", "lessThan", "-1")).toBe(false);
    expect(check("contact.fields.total", "greaterThan", "99.999")).toBe(true);
  });

  it.each(["abc", "", " ", "0x10", "Infinity", "1,5", "1 000", "12abc", "."])(
    "is false on both sides for the non-number %j",
    (bad) => {
      expect(check("contact.fields.total", "greaterThan", bad)).toBe(false);
      expect(check("contact.fields.total", "lessThan", bad)).toBe(false);
      const values = { ...contact, fields: { n: bad } };
      expect(check("contact.fields.n", "greaterThan", "-100", values)).toBe(false);
      expect(check("contact.fields.n", "lessThan", "100", values)).toBe(false);
    },
  );

  it("treats a missing field as no number", () => {
    expect(check("contact.fields.missing", "lessThan", "1")).toBe(false);
    expect(check("contact.fields.missing", "greaterThan", "-1")).toBe(false);
  });
});

describe("evaluateRule: tags", () => {
  it("includes and excludes ignore case and surrounding spaces", () => {
    expect(check("contact.tags", "includes", "vip")).toBe(true);
    expect(check("contact.tags", "includes", " Newsletter")).toBe(true);
    expect(check("contact.tags", "includes", "vi")).toBe(false);
    expect(check("contact.tags", "excludes", "lead")).toBe(true);
    expect(check("contact.tags", "excludes", "VIP")).toBe(false);
  });

  it("exists means at least one non-blank tag", () => {
    expect(check("contact.tags", "exists")).toBe(true);
    expect(check("contact.tags", "notExists")).toBe(false);
    expect(check("contact.tags", "exists", undefined, empty)).toBe(false);
    expect(check("contact.tags", "notExists", undefined, empty)).toBe(true);
    expect(check("contact.tags", "exists", undefined, { ...empty, tags: ["", "  "] })).toBe(false);
  });

  it("never includes a blank tag", () => {
    expect(check("contact.tags", "includes", "")).toBe(false);
    expect(check("contact.tags", "excludes", "")).toBe(true);
  });
});

describe("evaluateRule: rules publish would refuse", () => {
  it.each<Rule>([
    { subject: "contact.tags", op: "equals", value: "vip" },
    { subject: "contact.tags", op: "matches", value: "vip" },
    { subject: "contact.name", op: "includes", value: "Maria Rossi" },
    { subject: "contact.fields.city", op: "excludes", value: "Roma" },
    { subject: "contact.email", op: "notExists" },
    { subject: "contact.fields.City", op: "notExists" },
    { subject: "", op: "equals", value: "" },
  ])("is false for %j", (rule) => {
    expect(evaluateRule(rule, contact)).toBe(false);
  });
});

describe("subjectKind", () => {
  it.each<[string, "text" | "tags" | null]>([
    ["contact.name", "text"],
    ["contact.phone", "text"],
    ["lastReply", "text"],
    ["contact.fields.city", "text"],
    ["contact.fields.first_name2", "text"],
    [`contact.fields.a${"b".repeat(49)}`, "text"],
    [`contact.fields.a${"b".repeat(50)}`, null],
    ["contact.fields.", null],
    ["contact.fields.City", null],
    ["contact.fields.1city", null],
    ["contact.fields._city", null],
    ["contact.fields.city.name", null],
    ["contact.fields.ci-ty", null],
    ["contact.tags", "tags"],
    ["contact.email", null],
    ["lastreply", null],
    ["", null],
  ])("%j is %j", (subject, kind) => {
    expect(subjectKind(subject)).toBe(kind);
  });
});

describe("opsFor and opNeedsValue", () => {
  it("offers tag ops for tags and every other op for text", () => {
    expect([...opsFor("tags")].sort()).toEqual(["excludes", "exists", "includes", "notExists"]);
    expect(opsFor("text")).toEqual(ruleOps.filter((op) => op !== "includes" && op !== "excludes"));
  });

  it("needs a value for every op except exists and notExists", () => {
    expect(ruleOps.filter((op) => !opNeedsValue(op))).toEqual(["exists", "notExists"]);
  });
});

describe("describeRule", () => {
  it.each<[Rule, string]>([
    [{ subject: "contact.tags", op: "includes", value: "vip" }, "tag is vip"],
    [{ subject: "contact.tags", op: "excludes", value: "vip" }, "tag is not vip"],
    [{ subject: "contact.tags", op: "exists" }, "has any tag"],
    [{ subject: "contact.tags", op: "notExists" }, "has no tags"],
    [{ subject: "contact.fields.city", op: "equals", value: "Milano" }, "city is Milano"],
    [{ subject: "contact.fields.city", op: "notEquals", value: " Roma " }, "city is not Roma"],
    [{ subject: "contact.name", op: "contains", value: "Rossi" }, "name contains Rossi"],
    [{ subject: "contact.name", op: "notContains", value: "Rossi" }, "name does not contain Rossi"],
    [{ subject: "lastReply", op: "matches", value: "^yes" }, "last reply matches ^yes"],
    [{ subject: "contact.fields.city", op: "exists" }, "city is set"],
    [{ subject: "contact.fields.email", op: "notExists" }, "email is not set"],
    [{ subject: "contact.fields.total", op: "greaterThan", value: "100" }, "total > 100"],
    [{ subject: "contact.fields.total", op: "lessThan", value: "5" }, "total < 5"],
    [{ subject: "contact.phone", op: "startsWith", value: "+39" }, "phone starts with +39"],
    [{ subject: "contact.name", op: "equals", value: "" }, "name is empty"],
    [{ subject: "contact.name", op: "notEquals" }, "name is not empty"],
    [{ subject: "contact.name", op: "contains", value: " " }, 'name contains ""'],
  ])("%j reads %j", (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });
});

describe("compileRegex", () => {
  it("accepts RE2 syntax", () => {
    for (const pattern of ["^yes", "", "^$", "(si|sì|yes)\\b", "\\d{3,}", "[a-z]+@[a-z]+\\.it", "(?i)x", "a\\ "]) {
      expect(compileRegex(pattern), pattern).toEqual({ ok: true });
    }
    expect(compileRegex("a".repeat(500))).toEqual({ ok: true });
  });

  it.each([
    ["(yes", /missing closing \) \(\(yes\)/],
    ["yes)", /unexpected \)/],
    ["a{2000}", /invalid repeat count/],
    ["[z-a]", /invalid character class range/],
    ["\\", /trailing backslash/],
    ["(a)\\1", /invalid escape/],
    ["(?=yes)", /lookahead and lookbehind are not supported/],
    ["(?<!no)yes", /lookahead and lookbehind are not supported/],
    ["a".repeat(501), /longer than 500 characters/],
  ])("refuses %j with a message", (pattern, message) => {
    const result = compileRegex(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain("(?i)");
    }
  });
});
