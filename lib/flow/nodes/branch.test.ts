import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("branch");

const branchCase = (id: string, op = "equals", value?: string) => ({ id, op, ...(value === undefined ? {} : { value }) });
const on = (subject: string, ...cases: unknown[]) => ({ subject, cases });

describe("branch config: cases", () => {
  it("accepts cases on the last reply and keeps them in order", () => {
    const data = on("lastReply", branchCase("yes", "equals", "yes"), branchCase("no", "equals", "no"), branchCase("other", "contains", "maybe"));
    expect(parsedData(data)).toEqual(data);
  });

  it("needs at least one case", () => {
    expect(issuesOf(on("lastReply"))).toEqual([{ path: "cases", message: "Add at least one case" }]);
  });

  it("takes 20 cases and refuses 21", () => {
    const cases = Array.from({ length: 21 }, (_, i) => branchCase(`c${i}`, "equals", `${i}`));
    expect(issuesOf(on("lastReply", ...cases.slice(0, 20)))).toEqual([]);
    expect(issuesOf(on("lastReply", ...cases))).toEqual([{ path: "cases", message: "At most 20 cases" }]);
  });

  it("refuses a duplicate case id, at the second use", () => {
    expect(issuesOf(on("lastReply", branchCase("yes", "equals", "yes"), branchCase("no", "equals", "no"), branchCase("yes", "equals", "si")))).toEqual([
      { path: "cases.2.id", message: 'Case id "yes" is used twice' },
    ]);
  });

  it.each(["else", "default", "true", "false", "replied", "noResponse"])("refuses the reserved case id %j", (id) => {
    expect(issuesOf(on("lastReply", branchCase(id, "equals", "x")))).toEqual([{ path: "cases.0.id", message: "This id is reserved for a built-in output" }]);
  });

  it.each(["", "1st", "two words"])("refuses the case id %j (not handle-safe)", (id) => {
    expect(issuesOf(on("lastReply", branchCase(id, "equals", "x"))).map((i) => i.path)).toEqual(["cases.0.id"]);
  });
});

describe("branch config: ops are checked against the branch's subject", () => {
  it.each(["equals", "contains", "matches", "greaterThan"])("refuses %s on contact.tags", (op) => {
    expect(issuesOf(on("contact.tags", branchCase("vip", "includes", "vip"), branchCase("x", op, "1")))).toEqual([
      { path: "cases.1.op", message: `"${op}" does not apply to tags` },
    ]);
  });

  it.each(["includes", "excludes"])("refuses %s on a text subject", (op) => {
    expect(issuesOf(on("contact.fields.city", branchCase("x", op, "milano")))).toEqual([{ path: "cases.0.op", message: `"${op}" does not apply to text` }]);
  });

  it("accepts tag ops on contact.tags and text ops on a field", () => {
    expect(issuesOf(on("contact.tags", branchCase("vip", "includes", "vip"), branchCase("none", "notExists")))).toEqual([]);
    expect(issuesOf(on("contact.fields.city", branchCase("mi", "equals", "Milano"), branchCase("ro", "startsWith", "Rom")))).toEqual([]);
  });

  it("refuses a subject that names nothing", () => {
    expect(issuesOf(on("contact.fields.City", branchCase("a", "equals", "x")))).toEqual([
      { path: "subject", message: expect.stringContaining("Choose what to check") },
    ]);
  });

  it("needs a value except for exists/notExists", () => {
    expect(issuesOf(on("lastReply", branchCase("a", "equals")))).toEqual([{ path: "cases.0.value", message: "Enter a value to compare with" }]);
    expect(issuesOf(on("lastReply", branchCase("a", "exists")))).toEqual([]);
  });

  it("refuses a bad pattern and a non-number, at the case", () => {
    expect(issuesOf(on("contact.fields.total", branchCase("a", "matches", "("), branchCase("b", "greaterThan", "lots")))).toEqual([
      { path: "cases.0.value", message: expect.stringMatching(/^Invalid regular expression/) },
      { path: "cases.1.value", message: "Enter a number" },
    ]);
  });
});

describe("branch at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    expect(publishIssues(on("contact.tags", branchCase("else", "includes", "vip"), branchCase("b", "equals", "x")))).toEqual([
      { nodeId: "n", path: "cases.0.id", message: "Branch: This id is reserved for a built-in output" },
      { nodeId: "n", path: "cases.1.op", message: 'Branch: "equals" does not apply to tags' },
    ]);
  });

  it("publishes a valid branch with each case and Else connected", () => {
    expect(publishIssues(on("lastReply", branchCase("yes", "equals", "yes"), branchCase("no", "equals", "no")))).toEqual([]);
  });
});
