import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { tagConfig } from "../../flow/nodes/tag.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ExecutionContext } from "../decision.ts";
import { executeTag } from "./tag.ts";

/** A contact and a run as the engine hands them to an executor; tests override what they are about. */
function contextWith(overrides: Partial<ExecutionContext> = {}, contact: Partial<ExecutionContext["contact"]> = {}): ExecutionContext {
  return {
    contact: { phone: "+393331234567", name: "Maria", fields: {}, tags: [], ...contact },
    lastReply: null,
    sessionWindow: "open",
    now: new Date("2026-03-20T10:00:00Z"),
    automationId: "auto-a",
    depth: 0,
    activeAutomations: new Set(["auto-a"]),
    attempt: 1,
    ...overrides,
  };
}

/** A published Tag step: its data parsed as publish would. */
const tagNode = (data: z.input<typeof tagConfig>): PublishedNodeOf<"tag"> => ({
  id: "n",
  type: "tag",
  position: { x: 0, y: 0 },
  data: tagConfig.parse(data),
});

describe("executeTag", () => {
  it("adds, then removes, in that order", () => {
    expect(executeTag(tagNode({ remove: ["lead"], add: ["vip", "customer"] }), contextWith())).toEqual({
      kind: "next",
      handle: "default",
      contact: [
        { op: "addTags", tags: ["vip", "customer"] },
        { op: "removeTags", tags: ["lead"] },
      ],
    });
  });

  it("only adds when nothing is removed", () => {
    expect(executeTag(tagNode({ add: ["vip"] }), contextWith())).toEqual({ kind: "next", handle: "default", contact: [{ op: "addTags", tags: ["vip"] }] });
  });

  it("only removes when nothing is added (an empty add list makes no op)", () => {
    expect(executeTag(tagNode({ add: [], remove: ["lead"] }), contextWith())).toEqual({
      kind: "next",
      handle: "default",
      contact: [{ op: "removeTags", tags: ["lead"] }],
    });
  });

  it("passes the tags as publish trimmed them", () => {
    expect(executeTag(tagNode({ add: ["  vip  "] }), contextWith())).toMatchObject({ contact: [{ op: "addTags", tags: ["vip"] }] });
  });
});
