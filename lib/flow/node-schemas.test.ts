import { describe, expect, it } from "vitest";
import { nodeTypes, type NodeType } from "./graph.ts";
import { isRecord } from "./is-record.ts";
import { paletteCategories } from "./node-definition.ts";
import { nodeDefinition, nodeDefinitions, nodeOutputs } from "./registry.ts";

/** Types whose defaults leave a choice to the marketer (which automation to start). */
const needsChoice: NodeType[] = ["startAutomation"];

describe("node definitions", () => {
  it("exist for every node type, under their own type", () => {
    expect(Object.keys(nodeDefinitions).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) expect(nodeDefinition(type).type).toBe(type);
  });

  it.each(nodeTypes.filter((t) => !needsChoice.includes(t)))("%s: defaults pass its own config schema unchanged", (type) => {
    const definition = nodeDefinition(type);
    const parsed = definition.config.safeParse(definition.defaults);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(definition.defaults);
  });

  it("startAutomation's defaults ask for the automation to start", () => {
    const parsed = nodeDefinition("startAutomation").config.safeParse(nodeDefinition("startAutomation").defaults);
    expect(parsed.error?.issues[0]?.message).toBe("Choose the automation to start");
  });

  it.each<[NodeType, string[]]>([
    ["trigger", ["default"]],
    ["sendMessage", ["default"]],
    ["customerResponse", ["replied", "noResponse", "deliveryFailed"]],
    ["condition", ["true", "false"]],
    ["branch", ["yes", "no", "else"]],
    ["delay", ["default"]],
    ["tag", ["default"]],
    ["setField", ["default"]],
    ["webhook", ["success", "failure"]],
    ["startAutomation", ["default"]],
    ["exitAutomations", ["default"]],
    ["end", []],
  ])("%s: output handles with its defaults are %j", (type, handles) => {
    const defaults = nodeDefinition(type).defaults;
    expect(nodeOutputs(type, isRecord(defaults) ? defaults : {}).map((o) => o.id)).toEqual(handles);
  });

  it("routes and cases add a handle each, before the fixed ones, labelled, skipping blank or repeated ids", () => {
    const routes = [{ id: "operator", label: "Operator" }, { id: " ", label: "x" }, { id: "operator", label: "again" }, { id: "buy" }];
    expect(nodeOutputs("customerResponse", { routes }).map((o) => [o.id, o.label, o.required])).toEqual([
      ["operator", "Operator", true], ["buy", "buy", true], ["replied", "Replied", true], ["noResponse", "No response", true],
      ["deliveryFailed", "Not delivered", false],
    ]);
    expect(nodeOutputs("branch", { cases: "not a list" }).map((o) => o.id)).toEqual(["else"]);
  });

  it.each<[NodeType, string]>([
    ["trigger", "Trigger"],
    ["sendMessage", "Send message"],
    ["customerResponse", "Customer Response"],
    ["condition", "Condition"],
    ["branch", "Branch"],
    ["delay", "Delay"],
    ["tag", "Tag"],
    ["setField", "Set field"],
    ["webhook", "Webhook"],
    ["startAutomation", "Start automation"],
    ["exitAutomations", "Exit automations"],
    ["end", "End"],
  ])("%s: label is %s (DESIGN.md's palette label)", (type, label) => {
    expect(nodeDefinition(type).label).toBe(label);
  });

  it("every type sits in a palette category, and every category has a type", () => {
    for (const type of nodeTypes) expect(paletteCategories).toContain(nodeDefinition(type).category);
    for (const category of paletteCategories) expect(nodeTypes.some((t) => nodeDefinition(t).category === category)).toBe(true);
  });

  it("only the trigger accepts no input; Customer Response and Delay are the waiting types", () => {
    expect(nodeTypes.filter((type) => !nodeDefinition(type).acceptsInput)).toEqual(["trigger"]);
    expect(nodeTypes.filter((type) => nodeDefinition(type).waits)).toEqual(["customerResponse", "delay"]);
  });
});
