import { describe, expect, it } from "vitest";
import { classifyAnswer, metaWords } from "./send-result.ts";

const metaError = (code: number, title: string, details?: string) => ({ error: { message: `(#${code}) ${title}`, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details } } });

describe("classifyAnswer", () => {
  it("a 200 with a message id is sent", () => {
    expect(classifyAnswer(200, { messages: [{ id: "wamid.1" }] }, 1)).toEqual({ kind: "sent", wamid: "wamid.1" });
  });

  it("a 200 without a message id is retried, never taken as sent", () => {
    expect(classifyAnswer(200, {}, 1).kind).toBe("retry");
  });

  it.each([
    [400, 131047, "refused"],
    [400, 131026, "refused"],
    [400, 132000, "refused"],
    [404, 132001, "refused"],
    [401, 190, "refused"],
    [429, 130429, "retry"],
    [400, 131056, "retry"],
    [400, 131048, "retry"],
    [500, 1, "retry"],
    [503, 131000, "retry"],
  ])("HTTP %i with code %i → %s", (status, code, kind) => {
    expect(classifyAnswer(status, metaError(code, "Title"), 1).kind).toBe(kind);
  });

  it("a 5xx with a body that is not JSON is retried", () => {
    expect(classifyAnswer(502, null, 3).kind).toBe("retry");
  });

  it("backs off longer with each attempt, and a pair limit waits at least 6 s", () => {
    const first = classifyAnswer(500, null, 1);
    const later = classifyAnswer(500, null, 6);
    if (first.kind !== "retry" || later.kind !== "retry") throw new Error("retries expected");
    expect(first.afterSeconds).toBeLessThan(2);
    expect(later.afterSeconds).toBeGreaterThan(20);
    const pair = classifyAnswer(400, metaError(131056, "Pair rate limit hit"), 1);
    expect(pair.kind === "retry" && pair.afterSeconds).toBeGreaterThanOrEqual(6);
  });
});

describe("metaWords", () => {
  it("gives Meta's title and details with the code", () => {
    expect(metaWords({ code: 131047, title: "Re-engagement message", error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } }))
      .toBe("Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number. (code 131047)");
  });

  it("falls back to the message, then the HTTP status", () => {
    expect(metaWords({ message: "(#100) Invalid parameter" })).toBe("Invalid parameter");
    expect(metaWords({}, 500)).toBe("HTTP 500");
  });
});
