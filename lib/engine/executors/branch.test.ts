import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { branchConfig } from "../../flow/nodes/branch.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ExecutionContext } from "../decision.ts";
import { executeBranch } from "./branch.ts";

/** A published Branch step: its data parsed as publish would. */
const branchNode = (data: z.input<typeof branchConfig>): PublishedNodeOf<"branch"> => ({
  id: "n",
  type: "branch",
  position: { x: 0, y: 0 },
  data: branchConfig.parse(data),
});

const handleOf = (data: z.input<typeof branchConfig>, context: ExecutionContext) => {
  const decision = executeBranch(branchNode(data), context);
  if (decision.kind !== "next") throw new Error(`expected next, got ${decision.kind}`);
  return decision.handle;
};

type BranchData = z.input<typeof branchConfig>;

const yes = { id: "yes", op: "contains", value: "yes" } as const;
const yesPlease = { id: "yesPlease", op: "contains", value: "yes please" } as const;
const no = { id: "no", op: "equals", value: "no" } as const;
const onReply: BranchData = { subject: "lastReply", cases: [yes, yesPlease, no] };

describe("executeBranch", () => {
  it("takes the first matching case, even when a later one matches too", () => {
    expect(handleOf(onReply, contextWith({ lastReply: "Yes please!" }))).toBe("yes");
  });

  it("takes a later case when the earlier ones do not match", () => {
    expect(handleOf(onReply, contextWith({ lastReply: " NO " }))).toBe("no");
  });

  it("follows the case order, not the handle names", () => {
    const reversed: BranchData = { subject: "lastReply", cases: [yesPlease, yes, no] };
    expect(handleOf(reversed, contextWith({ lastReply: "Yes please!" }))).toBe("yesPlease");
  });

  it("takes else when no case matches, or when there is no reply", () => {
    expect(handleOf(onReply, contextWith({ lastReply: "maybe" }))).toBe("else");
    expect(handleOf(onReply, contextWith({ lastReply: null }))).toBe("else");
  });

  it("looks at the branch's subject: a contact field", () => {
    const byCity: BranchData = { subject: "contact.fields.city", cases: [{ id: "north", op: "matches", value: "^(milano|torino)$" }, { id: "rome", op: "equals", value: "Roma" }] };
    expect(handleOf(byCity, contextWith({ lastReply: "Roma" }, { fields: { city: "TORINO" } }))).toBe("north");
    expect(handleOf(byCity, contextWith({}, { fields: { city: "roma" } }))).toBe("rome");
    expect(handleOf(byCity, contextWith({ lastReply: "Roma" }, { fields: {} }))).toBe("else");
  });

  it("looks at the branch's subject: tags, ignoring case", () => {
    const byTag: BranchData = { subject: "contact.tags", cases: [{ id: "gold", op: "includes", value: "gold" }, { id: "untagged", op: "notExists" }] };
    expect(handleOf(byTag, contextWith({}, { tags: ["GOLD"] }))).toBe("gold");
    expect(handleOf(byTag, contextWith({}, { tags: [] }))).toBe("untagged");
    expect(handleOf(byTag, contextWith({}, { tags: ["silver"] }))).toBe("else");
  });

  it("returns a plain next decision", () => {
    expect(executeBranch(branchNode(onReply), contextWith({ lastReply: "no" }))).toEqual({ kind: "next", handle: "no" });
  });
});
