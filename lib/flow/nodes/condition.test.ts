import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, publishIssues } = configHelpers("condition");

const rule = (subject: string, op: string, value?: string) => ({ subject, op, ...(value === undefined ? {} : { value }) });
const oneRule = (subject: string, op: string, value?: string) => ({ combine: "all", rules: [rule(subject, op, value)] });

describe("condition config: combine and rules", () => {
  it.each(["all", "any"])("accepts combine %j", (combine) => {
    expect(issuesOf({ combine, rules: [rule("contact.tags", "includes", "vip")] })).toEqual([]);
  });

  it.each(["none", "ALL", undefined])("refuses combine %j", (combine) => {
    expect(issuesOf({ combine, rules: [rule("contact.tags", "includes", "vip")] }).map((i) => i.path)).toEqual(["combine"]);
  });

  it("needs at least one rule", () => {
    expect(issuesOf({ combine: "all", rules: [] })).toEqual([{ path: "rules", message: "Add at least one rule" }]);
  });

  it("takes 20 rules and refuses 21", () => {
    const rules = Array.from({ length: 21 }, (_, i) => rule("contact.tags", "includes", `t${i}`));
    expect(issuesOf({ combine: "any", rules: rules.slice(0, 20) })).toEqual([]);
    expect(issuesOf({ combine: "any", rules })).toEqual([{ path: "rules", message: "At most 20 rules" }]);
  });
});

describe("condition config: subjects", () => {
  it.each([
    ["contact.name", "equals"],
    ["contact.phone", "startsWith"],
    ["contact.tags", "includes"],
    ["lastReply", "contains"],
    ["contact.fields.city", "equals"],
    ["contact.fields.order_id2", "notEquals"],
    ["  lastReply  ", "equals"],
  ])("accepts the subject %j", (subject, op) => {
    expect(issuesOf(oneRule(subject, op, "x"))).toEqual([]);
  });

  it.each(["contact.fields.BAD", "contact.fields.", "contact.fields.my-city", "contact.fields.1st", "foo", "contact.email", "contact", "", "lastreply"])(
    "refuses the subject %j",
    (subject) => {
      expect(issuesOf(oneRule(subject, "equals", "x"))).toEqual([{ path: "rules.0.subject", message: expect.stringContaining("Choose what to check") }]);
    },
  );
});

describe("condition config: ops fit the subject", () => {
  it.each(["includes", "excludes"])("refuses %s on a text subject", (op) => {
    expect(issuesOf(oneRule("contact.name", op, "x"))).toEqual([{ path: "rules.0.op", message: `"${op}" does not apply to text` }]);
    expect(issuesOf(oneRule("contact.fields.city", op, "x")).map((i) => i.path)).toEqual(["rules.0.op"]);
  });

  it.each(["equals", "notEquals", "contains", "notContains", "startsWith", "matches", "greaterThan", "lessThan"])("refuses %s on contact.tags", (op) => {
    expect(issuesOf(oneRule("contact.tags", op, "1"))).toEqual([{ path: "rules.0.op", message: `"${op}" does not apply to tags` }]);
  });

  it.each(["includes", "excludes", "exists", "notExists"])("accepts %s on contact.tags", (op) => {
    expect(issuesOf(oneRule("contact.tags", op, "vip"))).toEqual([]);
  });

  it("refuses an op that is not one", () => {
    expect(issuesOf(oneRule("contact.name", "like", "x")).map((i) => i.path)).toEqual(["rules.0.op"]);
  });

  it("reports the rule at its own index", () => {
    const data = { combine: "any", rules: [rule("contact.name", "equals", "x"), rule("contact.tags", "equals", "x")] };
    expect(issuesOf(data).map((i) => i.path)).toEqual(["rules.1.op"]);
  });
});

describe("condition config: values", () => {
  it.each(["equals", "contains", "startsWith", "matches", "greaterThan"])("%s needs a value", (op) => {
    expect(issuesOf(oneRule("contact.fields.city", op))).toEqual([{ path: "rules.0.value", message: "Enter a value to compare with" }]);
    expect(issuesOf(oneRule("contact.fields.city", op, "   "))).toEqual([{ path: "rules.0.value", message: "Enter a value to compare with" }]);
  });

  it("includes needs a value", () => {
    expect(issuesOf(oneRule("contact.tags", "includes"))).toEqual([{ path: "rules.0.value", message: "Enter a value to compare with" }]);
  });

  it.each([
    ["contact.fields.email", "exists"],
    ["contact.fields.email", "notExists"],
    ["contact.tags", "exists"],
    ["contact.tags", "notExists"],
  ])("%s %s needs no value", (subject, op) => {
    expect(issuesOf(oneRule(subject, op))).toEqual([]);
  });

  it.each(["12", "-3", "0.5", "1e3", " 100 "])("greaterThan and lessThan take the number %j", (value) => {
    expect(issuesOf(oneRule("contact.fields.total", "greaterThan", value))).toEqual([]);
    expect(issuesOf(oneRule("contact.fields.total", "lessThan", value))).toEqual([]);
  });

  it.each(["abc", "12abc", "Infinity", "1,5"])("greaterThan and lessThan refuse %j", (value) => {
    expect(issuesOf(oneRule("contact.fields.total", "greaterThan", value))).toEqual([{ path: "rules.0.value", message: "Enter a number" }]);
    expect(issuesOf(oneRule("contact.fields.total", "lessThan", value))).toEqual([{ path: "rules.0.value", message: "Enter a number" }]);
  });

  // BUG: rule-schema.ts checks numbers with Number.isFinite(Number(value)), which reads "0x10"
  // (16), "0b11" and "0o7"; rules.ts compares only plain decimals (its DECIMAL pattern), so such a
  // rule publishes and is then false on every contact, whatever its field holds.
  // Expected: "Enter a number"; actual: accepted.
  it("refuses a hexadecimal number that evaluateRule would never compare (0x10)", () => {
    expect(issuesOf(oneRule("contact.fields.total", "greaterThan", "0x10"))).toEqual([{ path: "rules.0.value", message: "Enter a number" }]);
  });

  it("refuses a regular expression that does not compile", () => {
    expect(issuesOf(oneRule("lastReply", "matches", "("))).toEqual([
      { path: "rules.0.value", message: expect.stringMatching(/^Invalid regular expression: /) },
    ]);
    expect(issuesOf(oneRule("lastReply", "matches", "(?=yes)"))).toEqual([
      { path: "rules.0.value", message: "Invalid regular expression: lookahead and lookbehind are not supported" },
    ]);
  });

  it("accepts a regular expression that compiles", () => {
    expect(issuesOf(oneRule("lastReply", "matches", "^(yes|si|oui)\\b"))).toEqual([]);
  });

  it("refuses a value longer than 500 characters", () => {
    expect(issuesOf(oneRule("lastReply", "contains", "x".repeat(501)))).toEqual([{ path: "rules.0.value", message: "At most 500 characters" }]);
  });
});

describe("condition at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    const data = { combine: "all", rules: [rule("foo", "equals", "x"), rule("contact.name", "includes", "x"), rule("lastReply", "matches", "(")] };
    expect(publishIssues(data)).toEqual([
      { nodeId: "n", path: "rules.0.subject", message: expect.stringMatching(/^Condition: Choose what to check/) },
      { nodeId: "n", path: "rules.1.op", message: 'Condition: "includes" does not apply to text' },
      { nodeId: "n", path: "rules.2.value", message: expect.stringMatching(/^Condition: Invalid regular expression/) },
    ]);
  });

  it("publishes a valid condition", () => {
    expect(publishIssues(oneRule("contact.fields.city", "equals", "Milano"))).toEqual([]);
  });
});
