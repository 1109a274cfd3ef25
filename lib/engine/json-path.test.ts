import { describe, expect, it } from "vitest";
import { fieldText, valueAtPath } from "./json-path.ts";

const answer: unknown = JSON.parse(
  '{"order": {"id": 123, "paid": true, "note": null, "total": 0}, "items": [{"sku": "A-1"}, {"sku": "B-2", "tags": ["x"]}], "status": "ok", "__proto__": {"own": 1}}',
);

describe("valueAtPath", () => {
  it.each([
    ["order.id", 123],
    ["order.paid", true],
    ["order.total", 0],
    ["items.0.sku", "A-1"],
    ["items.1.sku", "B-2"],
    ["items.1.tags.0", "x"],
    ["status", "ok"],
  ])("reads %s", (path, value) => {
    expect(valueAtPath(answer, path)).toBe(value);
  });

  it("reads objects and arrays whole", () => {
    expect(valueAtPath(answer, "items.0")).toEqual({ sku: "A-1" });
    expect(valueAtPath(answer, "items.1.tags")).toEqual(["x"]);
  });

  it("keeps null as null", () => {
    expect(valueAtPath(answer, "order.note")).toBeNull();
  });

  it.each(["order.missing", "missing.id", "items.2.sku", "items.sku", "status.length", "order.id.x", "items.-1", "items.length"])(
    "gives undefined for the missing path %s",
    (path) => {
      expect(valueAtPath(answer, path)).toBeUndefined();
    },
  );

  it("reads through a root array and gives undefined on a scalar root", () => {
    expect(valueAtPath([{ id: 1 }], "0.id")).toBe(1);
    expect(valueAtPath("text", "0")).toBeUndefined();
    expect(valueAtPath(null, "a")).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "constructor.name", "__proto__.polluted", "order.constructor", "items.constructor"])(
    "does not read the prototype property %s",
    (path) => {
      expect(valueAtPath({ order: {}, items: [] }, path)).toBeUndefined();
    },
  );

  it("reads an own __proto__ key of parsed JSON as data", () => {
    expect(valueAtPath(answer, "__proto__.own")).toBe(1);
  });
});

describe("fieldText", () => {
  it("keeps text as it is", () => {
    expect(fieldText("A-1")).toBe("A-1");
    expect(fieldText("")).toBe("");
  });

  it("writes numbers and booleans as text", () => {
    expect(fieldText(123)).toBe("123");
    expect(fieldText(0)).toBe("0");
    expect(fieldText(-1.5)).toBe("-1.5");
    expect(fieldText(true)).toBe("true");
    expect(fieldText(false)).toBe("false");
  });

  it("writes objects and arrays as JSON", () => {
    expect(fieldText({ a: 1, b: "x" })).toBe('{"a":1,"b":"x"}');
    expect(fieldText(["x", 2])).toBe('["x",2]');
  });

  it("treats null and undefined as absent", () => {
    expect(fieldText(null)).toBeUndefined();
    expect(fieldText(undefined)).toBeUndefined();
  });

  it("caps the text at 1000 characters, as a contact field holds", () => {
    expect(fieldText("x".repeat(1500))).toBe("x".repeat(1000));
  });
});
