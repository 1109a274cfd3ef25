import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { startAutomationConfig } from "../../flow/nodes/start-automation.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ExecutionContext } from "../decision.ts";
import { executeStartAutomation } from "./start-automation.ts";

/** A published StartAutomation step: its data parsed as publish would. */
const startAutomationNode = (data: z.input<typeof startAutomationConfig>): PublishedNodeOf<"startAutomation"> => ({
  id: "n",
  type: "startAutomation",
  position: { x: 0, y: 0 },
  data: startAutomationConfig.parse(data),
});

describe("executeStartAutomation", () => {
  it("starts another automation the contact is not in", () => {
    const decision = executeStartAutomation(startAutomationNode({ automationId: "auto-b" }), contextWith({ automationId: "auto-a", activeAutomations: new Set(["auto-a"]) }));
    expect(decision).toMatchObject({ kind: "next", handle: "default", start: { automationId: "auto-b" } });
  });

  it.each<[string, Partial<ExecutionContext>]>([
    ["itself", { automationId: "auto-b", activeAutomations: new Set(["auto-b"]) }],
    ["itself, even when the set of active runs omits it", { automationId: "auto-b", activeAutomations: new Set() }],
    ["an automation the contact is already in", { automationId: "auto-a", activeAutomations: new Set(["auto-a", "auto-b"]) }],
    ["at depth 10", { depth: 10 }],
    ["past depth 10", { depth: 11 }],
  ])("skips %s: next, a 'Not started' detail, no start", (_case, overrides) => {
    const decision = executeStartAutomation(startAutomationNode({ automationId: "auto-b" }), contextWith(overrides));
    expect(decision).toEqual({ kind: "next", handle: "default", detail: expect.stringMatching(/^Not started: \S/) });
    expect(decision).not.toHaveProperty("start");
  });

  it("still starts at depth 9", () => {
    expect(executeStartAutomation(startAutomationNode({ automationId: "auto-b" }), contextWith({ depth: 9 }))).toHaveProperty("start", { automationId: "auto-b" });
  });
});
