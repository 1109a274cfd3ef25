import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("exitAutomations");

describe("exitAutomations config", () => {
  it("others needs no ids", () => {
    expect(parsedData({ scope: "others" })).toEqual({ scope: "others" });
  });

  it("selected takes the chosen ids, trimmed", () => {
    expect(parsedData({ scope: "selected", automationIds: [" a ", "b"] })).toEqual({ scope: "selected", automationIds: ["a", "b"] });
  });

  it.each([{ scope: "selected" }, { scope: "selected", automationIds: [] }])("selected needs at least one id: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "automationIds", message: "Choose at least one automation" }]);
  });

  it("refuses an empty id", () => {
    expect(issuesOf({ scope: "selected", automationIds: ["a", " "] }).map((i) => i.path)).toEqual(["automationIds.1"]);
  });

  it("refuses more than 50 automations", () => {
    const ids = Array.from({ length: 51 }, (_, i) => `a${i}`);
    expect(issuesOf({ scope: "selected", automationIds: ids.slice(0, 50) })).toEqual([]);
    expect(issuesOf({ scope: "selected", automationIds: ids })).toEqual([{ path: "automationIds", message: "At most 50 automations" }]);
  });

  it.each(["all", "", undefined])("refuses the scope %j", (scope) => {
    expect(issuesOf({ scope }).map((i) => i.path)).toEqual(["scope"]);
  });
});

describe("exitAutomations at publish", () => {
  it("names the node, the path and the label", () => {
    expect(publishIssues({ scope: "selected" })).toEqual([
      { nodeId: "n", path: "automationIds", message: "Exit automations: Choose at least one automation" },
    ]);
  });

  it("publishes either scope", () => {
    expect(publishIssues({ scope: "others" })).toEqual([]);
    expect(publishIssues({ scope: "selected", automationIds: ["auto-b"] })).toEqual([]);
  });
});
