import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { tagConfig } from "../../flow/nodes/tag.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { executeTag } from "./tag.ts";

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
