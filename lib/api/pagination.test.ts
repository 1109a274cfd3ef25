import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorParam, encodeCursor, limitParam, timeAndIdKey, toPage } from "./pagination.ts";

const query = z.object({ cursor: cursorParam(timeAndIdKey).optional(), limit: limitParam(50, 200) });

describe("cursors", () => {
  it("round-trip the key of a page's last row", () => {
    const cursor = encodeCursor(["2026-11-25T10:00:00.123Z", "run-1"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(query.parse({ cursor })).toEqual({ cursor: { at: new Date("2026-11-25T10:00:00.123Z"), id: "run-1" }, limit: 50 });
  });

  it.each([
    ["not base64url", "not a cursor!"],
    ["base64 of text that is not JSON", Buffer.from("hello").toString("base64url")],
    ["JSON of the wrong shape", encodeCursor({ at: "2026-11-25T10:00:00Z", id: "x" })],
    ["a bad timestamp", encodeCursor(["yesterday", "run-1"])],
    ["an empty id", encodeCursor(["2026-11-25T10:00:00.123Z", ""])],
    ["one element too many", encodeCursor(["2026-11-25T10:00:00.123Z", "run-1", 3])],
    ["far too long", "A".repeat(10_000)],
  ])("refuse %s", (_what, cursor) => {
    const parsed = query.safeParse({ cursor });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["cursor"], message: "Malformed cursor" })]);
  });
});

describe("limits", () => {
  it("default when absent and accept the bounds", () => {
    expect(query.parse({}).limit).toBe(50);
    expect(query.parse({ limit: "1" }).limit).toBe(1);
    expect(query.parse({ limit: "200" }).limit).toBe(200);
  });

  it.each(["0", "-1", "201", "1.5", "lots"])("refuse %s", (limit) => {
    expect(query.safeParse({ limit }).error?.issues).toEqual([expect.objectContaining({ path: ["limit"] })]);
  });
});

describe("toPage", () => {
  const keyOf = (n: number) => [n];

  it("gives a cursor at the last row kept when there was one row more", () => {
    expect(toPage([5, 4, 3], 2, keyOf)).toEqual({ items: [5, 4], nextCursor: encodeCursor([4]) });
  });

  it("gives no cursor on the last page", () => {
    expect(toPage([5, 4], 2, keyOf)).toEqual({ items: [5, 4], nextCursor: null });
    expect(toPage([], 2, keyOf)).toEqual({ items: [], nextCursor: null });
  });
});
