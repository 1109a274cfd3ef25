import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("startAutomation");

describe("startAutomation config", () => {
  it("accepts an automation id, trimmed", () => {
    expect(parsedData({ automationId: "  cm_welcome_42 " })).toEqual({ automationId: "cm_welcome_42" });
  });

  it.each([{}, { automationId: "" }, { automationId: "   " }])("requires the automation: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "automationId", message: expect.any(String) }]);
  });

  it("says to choose the automation when it is empty", () => {
    expect(issuesOf({ automationId: "" })).toEqual([{ path: "automationId", message: "Choose the automation to start" }]);
  });

  it("refuses an id longer than 100 characters", () => {
    expect(issuesOf({ automationId: "a".repeat(100) })).toEqual([]);
    expect(issuesOf({ automationId: "a".repeat(101) }).map((i) => i.path)).toEqual(["automationId"]);
  });
});

describe("startAutomation at publish", () => {
  it("names the node, the path and the label", () => {
    expect(publishIssues({ automationId: "" })).toEqual([{ nodeId: "n", path: "automationId", message: "Start automation: Choose the automation to start" }]);
  });

  it("publishes a chosen automation", () => {
    expect(publishIssues({ automationId: "auto-b" })).toEqual([]);
  });
});
