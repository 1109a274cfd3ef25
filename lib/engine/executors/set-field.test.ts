import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { setFieldConfig } from "../../flow/nodes/set-field.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ExecutionContext } from "../decision.ts";
import { executeSetField } from "./set-field.ts";

/** A published SetField step: its data parsed as publish would. */
const setFieldNode = (data: z.input<typeof setFieldConfig>): PublishedNodeOf<"setField"> => ({
  id: "n",
  type: "setField",
  position: { x: 0, y: 0 },
  data: setFieldConfig.parse(data),
});

const setOp = (data: z.input<typeof setFieldConfig>, context: ExecutionContext) => {
  const decision = executeSetField(setFieldNode(data), context);
  if (decision.kind !== "next") throw new Error(`expected next, got ${decision.kind}`);
  expect(decision.handle).toBe("default");
  return decision.contact;
};

describe("executeSetField", () => {
  it("stores plain text in the field", () => {
    expect(setOp({ field: "status", value: "contacted" }, contextWith())).toEqual([{ op: "setField", key: "status", value: "contacted" }]);
  });

  it("renders dynamic fields", () => {
    const ctx = contextWith({ lastReply: "Via Roma 1" }, { name: "Maria", fields: { city: "Milano" } });
    expect(setOp({ field: "summary", value: "{{contact.name}} ({{contact.fields.city}}): {{lastReply}}, {{contact.phone}}" }, ctx)).toEqual([
      { op: "setField", key: "summary", value: "Maria (Milano): Via Roma 1, +393331234567" },
    ]);
  });

  it("uses the fallback of a field the contact lacks", () => {
    expect(setOp({ field: "city_copy", value: "{{contact.fields.city | unknown}}" }, contextWith({}, { fields: {} }))).toEqual([
      { op: "setField", key: "city_copy", value: "unknown" },
    ]);
  });

  it("removes the field (value null) when the result is empty", () => {
    expect(setOp({ field: "coupon", value: "{{contact.fields.code}}" }, contextWith({}, { fields: {} }))).toEqual([{ op: "setField", key: "coupon", value: null }]);
  });

  it("treats a result of only spaces as empty", () => {
    expect(setOp({ field: "answer", value: "{{lastReply}} {{contact.fields.x}}" }, contextWith({ lastReply: null }))).toEqual([
      { op: "setField", key: "answer", value: null },
    ]);
  });

  it("removes the field for an empty value", () => {
    expect(setOp({ field: "coupon", value: "" }, contextWith())).toEqual([{ op: "setField", key: "coupon", value: null }]);
  });

  it("stores a value read from another field verbatim, without rendering it again", () => {
    expect(setOp({ field: "copy", value: "{{contact.fields.raw}}" }, contextWith({}, { fields: { raw: "{{contact.phone}}" } }))).toEqual([
      { op: "setField", key: "copy", value: "{{contact.phone}}" },
    ]);
  });
});
