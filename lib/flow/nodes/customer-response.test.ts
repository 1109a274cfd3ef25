import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("customerResponse");

const hour = { amount: 1, unit: "hours" };
const route = (id: string, op = "equals", value = "yes", label = "Label") => ({ id, label, op, value });
const withRoutes = (...routes: unknown[]) => ({ timeout: hour, routes });

describe("customerResponse config: timeout", () => {
  it.each([
    [5, "seconds"],
    [1, "minutes"],
    [30, "days"],
    [2_592_000, "seconds"],
  ])("accepts %s %s", (amount, unit) => {
    expect(issuesOf({ timeout: { amount, unit } })).toEqual([]);
  });

  it.each([
    [4, "seconds"],
    [31, "days"],
    [721, "hours"],
    [2_592_001, "seconds"],
  ])("refuses %s %s", (amount, unit) => {
    expect(issuesOf({ timeout: { amount, unit } })).toEqual([{ path: "timeout", message: "Must be between 5 seconds and 30 days" }]);
  });

  it("requires a timeout", () => {
    expect(issuesOf({}).map((i) => i.path)).toEqual(["timeout"]);
  });
});

describe("customerResponse config: route ids", () => {
  it.each(["buy", "Operator", "talk-to-human", "a_1", "x".repeat(40)])("accepts the id %j", (id) => {
    expect(issuesOf(withRoutes(route(id)))).toEqual([]);
  });

  it("trims ids", () => {
    expect(parsedData(withRoutes(route("  buy  ")))).toEqual({ timeout: hour, routes: [route("buy")] });
  });

  it.each(["", "1buy", "_buy", "buy now", "buy.now", "buy/now", "x".repeat(41), "caffè"])("refuses the id %j (not handle-safe)", (id) => {
    expect(issuesOf(withRoutes(route(id)))).toEqual([
      { path: "routes.0.id", message: "Ids start with a letter and use letters, digits, _ or - (at most 40)" },
    ]);
  });

  it.each(["replied", "noResponse", "else", "default", "true", "false", "success", "failure", "deliveryFailed"])(
    "refuses the reserved id %j",
    (id) => {
      expect(issuesOf(withRoutes(route(id)))).toEqual([{ path: "routes.0.id", message: "This id is reserved for a built-in output" }]);
    },
  );

  it("refuses a duplicate route id, at the second use", () => {
    expect(issuesOf(withRoutes(route("buy"), route("info"), route("buy", "contains", "price")))).toEqual([
      { path: "routes.2.id", message: 'Route id "buy" is used twice' },
    ]);
  });

  it("compares route ids after trimming", () => {
    expect(issuesOf(withRoutes(route("buy"), route(" buy ")))).toEqual([{ path: "routes.1.id", message: 'Route id "buy" is used twice' }]);
  });
});

describe("customerResponse config: route bodies", () => {
  it.each(["equals", "contains", "startsWith", "matches"])("accepts the op %s", (op) => {
    expect(issuesOf(withRoutes(route("a", op, "yes")))).toEqual([]);
  });

  it.each(["notEquals", "exists", "includes", "greaterThan"])("refuses the op %s (not a route op)", (op) => {
    expect(issuesOf(withRoutes(route("a", op, "1"))).map((i) => i.path)).toEqual(["routes.0.op"]);
  });

  it("requires a label (at most 40 characters)", () => {
    expect(issuesOf(withRoutes(route("a", "equals", "yes", "  ")))).toEqual([{ path: "routes.0.label", message: "Give the route a label" }]);
    expect(issuesOf(withRoutes(route("a", "equals", "yes", "x".repeat(41))))).toEqual([
      { path: "routes.0.label", message: "Labels are at most 40 characters" },
    ]);
  });

  it("requires a value to match", () => {
    expect(issuesOf(withRoutes(route("a", "contains", " ")))).toEqual([{ path: "routes.0.value", message: "Say what the reply must match" }]);
  });

  it("refuses more than 10 routes", () => {
    const routes = Array.from({ length: 11 }, (_, i) => route(`r${i}`));
    expect(issuesOf(withRoutes(...routes.slice(0, 10)))).toEqual([]);
    expect(issuesOf(withRoutes(...routes))).toEqual([{ path: "routes", message: "At most 10 routes" }]);
  });

  it("refuses a matches pattern that does not compile, saying why", () => {
    expect(issuesOf(withRoutes(route("a", "matches", "(")))).toEqual([
      { path: "routes.0.value", message: expect.stringMatching(/^Invalid regular expression: .+/) },
    ]);
  });

  it.each(["(?=x)", "yes(?!no)", "(?<=a)b"])("refuses the lookaround %j, naming lookaround", (value) => {
    expect(issuesOf(withRoutes(route("a", "matches", value)))).toEqual([
      { path: "routes.0.value", message: "Invalid regular expression: lookahead and lookbehind are not supported" },
    ]);
  });

  it("accepts a pattern that compiles", () => {
    expect(issuesOf(withRoutes(route("zip", "matches", "^\\d{5}$"), route("stop", "matches", "\\b(stop|basta)\\b")))).toEqual([]);
  });

  it("checks the pattern only for matches: equals \"(\" is plain text", () => {
    expect(issuesOf(withRoutes(route("a", "equals", "("), route("b", "contains", "(?=x)")))).toEqual([]);
  });
});

describe("customerResponse config: saveReplyTo", () => {
  it.each(["city", "last_answer", "a", `a${"b".repeat(49)}`])("accepts the field key %j", (saveReplyTo) => {
    expect(parsedData({ timeout: hour, saveReplyTo })).toEqual({ timeout: hour, saveReplyTo });
  });

  it.each(["City", "1city", "my-city", "my city", "_city", "contact.fields.city", `a${"b".repeat(50)}`])("refuses the field key %j", (saveReplyTo) => {
    expect(issuesOf({ timeout: hour, saveReplyTo }).map((i) => i.path)).toContain("saveReplyTo");
  });

  it("treats an empty saveReplyTo as none", () => {
    expect(parsedData({ timeout: hour, saveReplyTo: "" })).toEqual({ timeout: hour });
  });
});

describe("customerResponse at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    expect(publishIssues({ timeout: { amount: 1, unit: "seconds" }, routes: [route("else"), route("b", "matches", "(")] })).toEqual([
      { nodeId: "n", path: "timeout", message: "Customer Response: Must be between 5 seconds and 30 days" },
      { nodeId: "n", path: "routes.0.id", message: "Customer Response: This id is reserved for a built-in output" },
      { nodeId: "n", path: "routes.1.value", message: expect.stringMatching(/^Customer Response: Invalid regular expression/) },
    ]);
  });

  it("publishes routes with every handle connected", () => {
    expect(publishIssues(withRoutes(route("buy"), route("info", "contains", "price")))).toEqual([]);
  });
});
