import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { exitAutomationsConfig } from "../../flow/nodes/exit-automations.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { executeExitAutomations } from "./exit-automations.ts";

/** A published ExitAutomations step: its data parsed as publish would. */
const exitAutomationsNode = (data: z.input<typeof exitAutomationsConfig>): PublishedNodeOf<"exitAutomations"> => ({
  id: "n",
  type: "exitAutomations",
  position: { x: 0, y: 0 },
  data: exitAutomationsConfig.parse(data),
});

describe("executeExitAutomations", () => {
  it("scope others: every other automation (automationIds null)", () => {
    expect(executeExitAutomations(exitAutomationsNode({ scope: "others" }), contextWith())).toMatchObject({
      kind: "next",
      handle: "default",
      exit: { automationIds: null },
    });
  });

  it("scope selected: exactly the chosen automations", () => {
    expect(executeExitAutomations(exitAutomationsNode({ scope: "selected", automationIds: ["auto-b", "auto-c"] }), contextWith())).toMatchObject({
      kind: "next",
      handle: "default",
      exit: { automationIds: ["auto-b", "auto-c"] },
    });
  });

  it("scope others ignores ids left over from a selection", () => {
    expect(executeExitAutomations(exitAutomationsNode({ scope: "others", automationIds: ["auto-b"] }), contextWith())).toMatchObject({
      exit: { automationIds: null },
    });
  });

  it("does not start anything", () => {
    expect(executeExitAutomations(exitAutomationsNode({ scope: "others" }), contextWith())).not.toHaveProperty("start");
  });
});
