import { describe, expect, it } from "vitest";
import type { WebhookResponse } from "../webhooks/safe-request.ts";
import { describeResult, responseFields, retryDelaySeconds, succeeded, type CallResult } from "./webhook-outcome.ts";

/** An answer as safeRequest returns it; tests set what they are about. */
const response = (overrides: Partial<WebhookResponse> = {}): WebhookResponse => ({
  status: 200,
  headers: {},
  bodyExcerpt: "",
  body: "",
  truncated: false,
  durationMs: 12,
  finalUrl: "https://api.shop.com/orders",
  ...overrides,
});
const answered = (overrides: Partial<WebhookResponse> = {}): CallResult => ({ response: response(overrides) });
const failedCall = (error: string, retryable = true): CallResult => ({ error, retryable, durationMs: 5 });

describe("retryDelaySeconds", () => {
  it.each([
    [1, 5],
    [2, 25],
    [3, 125],
    [4, 625],
    [5, 3125],
  ])("retry %s waits %s seconds", (retry, seconds) => {
    expect(retryDelaySeconds(retry)).toBe(seconds);
  });
});

describe("succeeded", () => {
  it.each([200, 201, 204, 299])("HTTP %s is a success", (status) => {
    expect(succeeded(answered({ status }))).toBe(true);
  });

  it.each([199, 300, 301, 400, 404, 429, 500, 503])("HTTP %s is a failure", (status) => {
    expect(succeeded(answered({ status }))).toBe(false);
  });

  it("an error is a failure", () => {
    expect(succeeded(failedCall("timed out after 10 s"))).toBe(false);
  });
});

describe("describeResult", () => {
  it("gives the status, the time and the body's excerpt", () => {
    expect(describeResult(answered({ status: 201, durationMs: 84, bodyExcerpt: '{"id": 7}' }))).toBe('HTTP 201 in 84 ms: {"id": 7}');
  });

  it("collapses whitespace in the excerpt and caps it at 300 characters", () => {
    expect(describeResult(answered({ bodyExcerpt: '  {\n  "id":\t7\n}  ' }))).toBe('HTTP 200 in 12 ms: { "id": 7 }');
    expect(describeResult(answered({ bodyExcerpt: "x".repeat(400) }))).toBe(`HTTP 200 in 12 ms: ${"x".repeat(300)}`);
  });

  it("leaves out an empty excerpt", () => {
    expect(describeResult(answered({ status: 204, durationMs: 3, bodyExcerpt: "  \n " }))).toBe("HTTP 204 in 3 ms");
  });

  it("gives the error of a call that got no answer", () => {
    expect(describeResult(failedCall("connect ECONNREFUSED 10.0.0.1:443", false))).toBe("connect ECONNREFUSED 10.0.0.1:443");
  });
});

describe("responseFields", () => {
  const body = JSON.stringify({ order: { id: 123, paid: true, note: null, address: { city: "Milano" } }, items: [{ sku: "A-1" }] });

  it("saves nothing without a mapping, with no note", () => {
    expect(responseFields({}, response({ body }))).toEqual({ ops: [] });
    expect(responseFields({ saveResponse: {} }, response({ body: "not json" }))).toEqual({ ops: [] });
  });

  it("sets each mapped field from its path, as text", () => {
    expect(responseFields({ saveResponse: { order_id: "order.id", sku: "items.0.sku", paid: "order.paid", address: "order.address" } }, response({ body }))).toEqual({
      ops: [
        { op: "setField", key: "order_id", value: "123" },
        { op: "setField", key: "sku", value: "A-1" },
        { op: "setField", key: "paid", value: "true" },
        { op: "setField", key: "address", value: '{"city":"Milano"}' },
      ],
    });
  });

  it("saves nothing from an answer that is not JSON, and says so", () => {
    expect(responseFields({ saveResponse: { order_id: "order.id" } }, response({ body: "<html>502 Bad Gateway</html>" }))).toEqual({
      ops: [],
      note: expect.stringContaining("not JSON"),
    });
  });

  it("saves what is there and lists the missing paths in the note", () => {
    const result = responseFields({ saveResponse: { order_id: "order.id", eta: "order.eta", sku: "items.3.sku" } }, response({ body }));
    expect(result.ops).toEqual([{ op: "setField", key: "order_id", value: "123" }]);
    expect(result.note).toContain("order.eta");
    expect(result.note).toContain("items.3.sku");
    expect(result.note).not.toContain("order.id");
  });

  it("counts a null value as missing (the field is left as it was)", () => {
    expect(responseFields({ saveResponse: { note: "order.note" } }, response({ body }))).toEqual({ ops: [], note: expect.stringContaining("order.note") });
  });

  it("does not read prototype properties of the answer", () => {
    expect(responseFields({ saveResponse: { x: "order.constructor" } }, response({ body }))).toEqual({ ops: [], note: expect.stringContaining("order.constructor") });
  });
});
