import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("tag");

describe("tag config", () => {
  it("accepts tags to add, to remove, or both", () => {
    expect(parsedData({ add: ["vip"] })).toEqual({ add: ["vip"] });
    expect(parsedData({ remove: ["lead"] })).toEqual({ remove: ["lead"] });
    expect(parsedData({ add: ["vip"], remove: ["lead"] })).toEqual({ add: ["vip"], remove: ["lead"] });
  });

  it.each([{}, { add: [] }, { remove: [] }, { add: [], remove: [] }])("needs at least one tag overall: %j", (data) => {
    expect(issuesOf(data)).toEqual([{ path: "", message: "Add or remove at least one tag" }]);
  });

  it("accepts an empty list beside a filled one", () => {
    expect(issuesOf({ add: [], remove: ["lead"] })).toEqual([]);
  });

  it("trims tags", () => {
    expect(parsedData({ add: ["  vip  "], remove: ["\tlead\n"] })).toEqual({ add: ["vip"], remove: ["lead"] });
  });

  it.each(["", "   "])("refuses the empty tag %j, at its index", (tag) => {
    expect(issuesOf({ add: ["vip", tag] })).toContainEqual({ path: "add.1", message: "Tags are 1-50 characters" });
  });

  it("takes 50 characters and refuses 51 (after trimming)", () => {
    expect(issuesOf({ remove: [` ${"x".repeat(50)} `] })).toEqual([]);
    expect(issuesOf({ remove: ["x".repeat(51)] })).toEqual([{ path: "remove.0", message: "Tags are 1-50 characters" }]);
  });

  it("refuses more than 20 tags in a list", () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(issuesOf({ add: tags.slice(0, 20) })).toEqual([]);
    expect(issuesOf({ add: tags })).toEqual([{ path: "add", message: "At most 20 tags" }]);
  });

  it("refuses a tag that is not text", () => {
    expect(issuesOf({ add: [7] }).map((i) => i.path)).toEqual(["add.0"]);
  });
});

describe("tag at publish", () => {
  it("names the node, a path and the label in every issue", () => {
    expect(publishIssues({ add: ["  "] })).toEqual([{ nodeId: "n", path: "add.0", message: "Tag: Tags are 1-50 characters" }]);
    expect(publishIssues({})).toEqual([{ nodeId: "n", path: "", message: "Tag: Add or remove at least one tag" }]);
  });

  it("publishes a valid tag step", () => {
    expect(publishIssues({ add: ["vip"], remove: ["lead"] })).toEqual([]);
  });
});
