import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { conditionConfig } from "../../flow/nodes/condition.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ExecutionContext } from "../decision.ts";
import { executeCondition } from "./condition.ts";

/** A published Condition: its data parsed as publish would. */
const condition = (data: z.input<typeof conditionConfig>): PublishedNodeOf<"condition"> => ({
  id: "c",
  type: "condition",
  position: { x: 0, y: 0 },
  data: conditionConfig.parse(data),
});
const handleOf = (data: z.input<typeof conditionConfig>, context: ExecutionContext) => {
  const decision = executeCondition(condition(data), context);
  if (decision.kind !== "next") throw new Error(`expected next, got ${decision.kind}`);
  return decision.handle;
};

const vipInMilano = { fields: { city: "Milano" }, tags: ["VIP"] };
const isVip = { subject: "contact.tags", op: "includes", value: "vip" } as const;
const inMilano = { subject: "contact.fields.city", op: "equals", value: "milano" } as const;
const inRoma = { subject: "contact.fields.city", op: "equals", value: "roma" } as const;

describe("executeCondition: combine", () => {
  it("all: true when every rule holds, false when one does not", () => {
    expect(handleOf({ combine: "all", rules: [isVip, inMilano] }, contextWith({}, vipInMilano))).toBe("true");
    expect(handleOf({ combine: "all", rules: [isVip, inRoma] }, contextWith({}, vipInMilano))).toBe("false");
    expect(handleOf({ combine: "all", rules: [inRoma, isVip] }, contextWith({}, vipInMilano))).toBe("false");
  });

  it("any: true when one rule holds, false when none does", () => {
    expect(handleOf({ combine: "any", rules: [inRoma, isVip] }, contextWith({}, vipInMilano))).toBe("true");
    expect(handleOf({ combine: "any", rules: [inRoma, { subject: "contact.tags", op: "includes", value: "gold" }] }, contextWith({}, vipInMilano))).toBe("false");
  });

  it("returns a plain next decision on the handle", () => {
    expect(executeCondition(condition({ combine: "all", rules: [isVip] }), contextWith({}, vipInMilano))).toEqual({ kind: "next", handle: "true" });
  });
});

describe("executeCondition: empty fields and missing tags", () => {
  const noFields = contextWith({}, { fields: {}, tags: [] });
  const rule = (op: "equals" | "exists" | "notExists" | "contains" | "notEquals", value?: string) => ({
    combine: "all" as const,
    rules: [{ subject: "contact.fields.email", op, ...(value === undefined ? {} : { value }) }],
  });

  it("a missing field is the empty text: exists false, notExists true", () => {
    expect(handleOf(rule("exists"), noFields)).toBe("false");
    expect(handleOf(rule("notExists"), noFields)).toBe("true");
  });

  it("a missing field equals the empty text", () => {
    // Publish asks for a value to compare with, so this is data from before that rule, built by hand.
    const node: PublishedNodeOf<"condition"> = { ...condition(rule("exists")), data: { combine: "all", rules: [{ subject: "contact.fields.email", op: "equals", value: "" }] } };
    expect(executeCondition(node, noFields)).toEqual({ kind: "next", handle: "true" });
    expect(executeCondition(node, contextWith({}, { fields: { email: "a@b.c" } }))).toEqual({ kind: "next", handle: "false" });
  });

  it("a missing field contains nothing and differs from any value", () => {
    expect(handleOf(rule("contains", "@"), noFields)).toBe("false");
    expect(handleOf(rule("notEquals", "a@b.c"), noFields)).toBe("true");
  });

  it("a blank field is not set", () => {
    expect(handleOf(rule("exists"), contextWith({}, { fields: { email: "   " } }))).toBe("false");
    expect(handleOf(rule("exists"), contextWith({}, { fields: { email: "a@b.c" } }))).toBe("true");
  });

  it("a missing name or last reply is the empty text", () => {
    const ctx = contextWith({ lastReply: null }, { name: null });
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.name", op: "notExists" }, { subject: "lastReply", op: "notExists" }] }, ctx)).toBe("true");
  });

  it("a field named like an Object property is still missing", () => {
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.fields.constructor", op: "exists" }] }, noFields)).toBe("false");
  });

  it("tags: includes ignores case and spaces, a missing tag is excluded", () => {
    const ctx = contextWith({}, { tags: [" Newsletter ", "VIP"] });
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "vip" }] }, ctx)).toBe("true");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "NEWSLETTER" }] }, ctx)).toBe("true");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "gold" }] }, ctx)).toBe("false");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.tags", op: "excludes", value: "gold" }] }, ctx)).toBe("true");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.tags", op: "excludes", value: "Vip" }] }, ctx)).toBe("false");
  });

  it("tags: exists and notExists", () => {
    const rule = (op: "exists" | "notExists") => ({ combine: "all" as const, rules: [{ subject: "contact.tags", op }] });
    expect(handleOf(rule("exists"), contextWith({}, { tags: [] }))).toBe("false");
    expect(handleOf(rule("notExists"), contextWith({}, { tags: [] }))).toBe("true");
    expect(handleOf(rule("exists"), contextWith({}, { tags: ["a"] }))).toBe("true");
  });
});

describe("executeCondition: numbers", () => {
  it("compares fields as numbers", () => {
    const ctx = contextWith({}, { fields: { total: " 150 " } });
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.fields.total", op: "greaterThan", value: "100" }] }, ctx)).toBe("true");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.fields.total", op: "greaterThan", value: "150" }] }, ctx)).toBe("false");
    expect(handleOf({ combine: "all", rules: [{ subject: "contact.fields.total", op: "lessThan", value: "1e3" }] }, ctx)).toBe("true");
  });

  it("a missing field is no number: both greaterThan and lessThan are false", () => {
    const ctx = contextWith({}, { fields: {} });
    expect(handleOf({ combine: "any", rules: [{ subject: "contact.fields.total", op: "greaterThan", value: "-1" }, { subject: "contact.fields.total", op: "lessThan", value: "1" }] }, ctx)).toBe("false");
  });
});

describe("executeCondition: matches", () => {
  const matches = (value: string) => ({ combine: "all" as const, rules: [{ subject: "lastReply", op: "matches" as const, value }] });

  it("finds the pattern anywhere, ignoring case", () => {
    const ctx = contextWith({ lastReply: "Hello, I want to BUY two" });
    expect(handleOf(matches("buy"), ctx)).toBe("true");
    expect(handleOf(matches("\\bbuy\\s+(one|two)\\b"), ctx)).toBe("true");
    expect(handleOf(matches("^buy"), ctx)).toBe("false");
    expect(handleOf(matches("sell"), ctx)).toBe("false");
  });

  it("runs a hostile pattern in linear time", () => {
    const ctx = contextWith({ lastReply: `${"a".repeat(30_000)}b` });
    const started = performance.now();
    expect(handleOf(matches("(a+)+$"), ctx)).toBe("false");
    // A backtracking engine needs longer than the age of the universe here; RE2 takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
