import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("setField");

describe("setField config: field", () => {
  it.each(["city", "order_id", "a", "x2", `a${"b".repeat(49)}`])("accepts the field key %j", (field) => {
    expect(parsedData({ field, value: "x" })).toEqual({ field, value: "x" });
  });

  it("trims the field key", () => {
    expect(parsedData({ field: " city ", value: "Milano" })).toEqual({ field: "city", value: "Milano" });
  });

  it.each(["City", "1city", "_city", "my-city", "my city", "contact.fields.city", "", `a${"b".repeat(50)}`])("refuses the field key %j", (field) => {
    expect(issuesOf({ field, value: "x" })).toEqual([
      { path: "field", message: "Field keys are lowercase letters, digits and _, starting with a letter (at most 50)" },
    ]);
  });

  it("requires a field", () => {
    expect(issuesOf({ value: "x" }).map((i) => i.path)).toEqual(["field"]);
  });
});

describe("setField config: value", () => {
  it("accepts dynamic fields with fallbacks and trims the value", () => {
    const value = "{{contact.name | friend}} from {{contact.fields.city}} said {{lastReply}} ({{contact.phone}})";
    expect(parsedData({ field: "summary", value: `  ${value}  ` })).toEqual({ field: "summary", value });
  });

  it("accepts an empty value (the field is removed)", () => {
    expect(parsedData({ field: "coupon", value: "" })).toEqual({ field: "coupon", value: "" });
  });

  it.each(["{{contact.email}}", "{{foo | bar}}", "{{contact.fields.City}}"])("refuses the unknown field in %j", (value) => {
    expect(issuesOf({ field: "x", value })).toEqual([{ path: "value", message: expect.stringMatching(/^Unknown field \{\{/) }]);
  });

  it("takes 1000 characters and refuses 1001", () => {
    expect(issuesOf({ field: "x", value: "v".repeat(1000) })).toEqual([]);
    expect(issuesOf({ field: "x", value: "v".repeat(1001) })).toEqual([{ path: "value", message: "At most 1000 characters" }]);
  });
});

describe("setField at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    expect(publishIssues({ field: "City", value: "{{nope}}" })).toEqual([
      { nodeId: "n", path: "field", message: expect.stringMatching(/^Set field: Field keys are lowercase/) },
      { nodeId: "n", path: "value", message: expect.stringMatching(/^Set field: Unknown field \{\{nope\}\}/) },
    ]);
  });

  it("publishes a valid step", () => {
    expect(publishIssues({ field: "city", value: "{{lastReply}}" })).toEqual([]);
  });
});
