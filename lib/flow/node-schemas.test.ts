import { describe, expect, it } from "vitest";
import { nodeTypes, type NodeType } from "./graph.ts";
import { nodeDefinition, nodeDefinitions } from "./registry.ts";

describe("node definitions", () => {
  it("exist for every node type, under their own type", () => {
    expect(Object.keys(nodeDefinitions).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) expect(nodeDefinition(type).type).toBe(type);
  });

  it.each(nodeTypes)("%s: defaults pass its own config schema unchanged", (type) => {
    const definition = nodeDefinition(type);
    const parsed = definition.config.safeParse(definition.defaults);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(definition.defaults);
  });

  it.each<[NodeType, string[]]>([
    ["trigger", ["default"]],
    ["sendMessage", ["default"]],
    ["customerResponse", ["replied", "noResponse"]],
    ["end", []],
  ])("%s: output handles are %j", (type, handles) => {
    expect(nodeDefinition(type).outputs.map((o) => o.id)).toEqual(handles);
  });

  it.each<[NodeType, string]>([
    ["trigger", "Trigger"],
    ["sendMessage", "Send message"],
    ["customerResponse", "Customer Response"],
    ["end", "End"],
  ])("%s: label is %s", (type, label) => {
    expect(nodeDefinition(type).label).toBe(label);
  });

  it("only the trigger accepts no input", () => {
    expect(nodeTypes.filter((type) => !nodeDefinition(type).acceptsInput)).toEqual(["trigger"]);
  });

  it("Customer Response requires both outputs; the trigger requires its start", () => {
    expect(nodeDefinition("customerResponse").outputs.every((o) => o.required)).toBe(true);
    expect(nodeDefinition("trigger").outputs.every((o) => o.required)).toBe(true);
  });
});
