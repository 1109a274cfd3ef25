import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("webhook");

const base = { method: "POST", url: "https://api.shop.com/orders" };

describe("webhook config: method", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("accepts %s", (method) => {
    expect(issuesOf({ ...base, method })).toEqual([]);
  });

  it.each(["HEAD", "OPTIONS", "post", ""])("refuses %j", (method) => {
    expect(issuesOf({ ...base, method }).map((i) => i.path)).toEqual(["method"]);
  });
});

describe("webhook config: url", () => {
  it.each([
    "https://api.shop.com/orders/{{contact.fields.order_id}}",
    "http://localhost:3000/hook?phone={{contact.phone}}",
    "HTTPS://API.SHOP.COM/x",
    "https://api.shop.com/search?q={{lastReply | none}}",
  ])("accepts %j", (url) => {
    expect(issuesOf({ ...base, url })).toEqual([]);
  });

  it.each(["{{contact.fields.host}}/x", "ftp://x", "ftp://files.shop.com/a", "api.shop.com/orders", "javascript:alert(1)", "https://", "mailto:a@b.c"])(
    "refuses %j: not an http(s) URL",
    (url) => {
      expect(issuesOf({ ...base, url })).toEqual([{ path: "url", message: "Use an http:// or https:// URL" }]);
    },
  );

  it("requires a URL", () => {
    expect(issuesOf({ ...base, url: "  " })).toContainEqual({ path: "url", message: "Enter the URL to call" });
  });

  it("refuses an unknown field in the URL", () => {
    expect(issuesOf({ ...base, url: "https://api.shop.com/{{order}}" })).toEqual([{ path: "url", message: expect.stringContaining("Unknown field {{order}}") }]);
  });

  it("refuses a URL longer than 2000 characters", () => {
    expect(issuesOf({ ...base, url: `https://a.com/${"x".repeat(2000)}` })).toContainEqual({ path: "url", message: "At most 2000 characters" });
  });
});

describe("webhook config: headers", () => {
  it("accepts header names and templated values", () => {
    const headers = { "X-Api-Key": "secret", Authorization: "Bearer {{contact.fields.token}}", "x-trace_id.v2": "1" };
    expect(parsedData({ ...base, headers })).toMatchObject({ headers });
  });

  it.each(["Bad Name", "X:Y", "Caffè", "", "a\r\nb"])("refuses the header name %j", (name) => {
    expect(issuesOf({ ...base, headers: { [name]: "x" } })).toEqual([{ path: `headers.${name}`, message: `"${name}" is not a valid header name` }]);
  });

  it.each(["Host", "host", "Content-Length", "Idempotency-Key", "idempotency-key", "Transfer-Encoding", "Connection"])(
    "refuses the reserved header %j",
    (name) => {
      expect(issuesOf({ ...base, headers: { [name]: "x" } })).toEqual([{ path: `headers.${name}`, message: `The ${name} header is set by Replyflow` }]);
    },
  );

  it("takes 20 headers and refuses 21", () => {
    const headers = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, "v"]));
    const twenty = Object.fromEntries(Object.entries(headers).slice(0, 20));
    expect(issuesOf({ ...base, headers: twenty })).toEqual([]);
    expect(issuesOf({ ...base, headers })).toEqual([{ path: "headers", message: "At most 20 headers" }]);
  });

  it("refuses an unknown field in a header value", () => {
    expect(issuesOf({ ...base, headers: { "X-Who": "{{contact.email}}" } })).toEqual([
      { path: "headers.X-Who", message: expect.stringContaining("Unknown field {{contact.email}}") },
    ]);
  });
});

describe("webhook config: body", () => {
  it("accepts a templated body", () => {
    expect(issuesOf({ ...base, body: '{"phone": "{{contact.phone}}", "city": "{{contact.fields.city | ?}}"}' })).toEqual([]);
  });

  it("refuses an unknown field in the body", () => {
    expect(issuesOf({ ...base, body: '{"x": "{{contact.city}}"}' })).toEqual([{ path: "body", message: expect.stringContaining("Unknown field {{contact.city}}") }]);
  });

  it("takes 10000 characters and refuses 10001", () => {
    expect(issuesOf({ ...base, body: "x".repeat(10_000) })).toEqual([]);
    expect(issuesOf({ ...base, body: "x".repeat(10_001) })).toEqual([{ path: "body", message: "At most 10000 characters" }]);
  });
});

describe("webhook config: timeoutSeconds and retries", () => {
  it("defaults to a 10-second timeout and 2 retries", () => {
    expect(parsedData(base)).toEqual({ ...base, timeoutSeconds: 10, retries: 2 });
  });

  it.each([1, 30])("accepts a timeout of %s seconds", (timeoutSeconds) => {
    expect(parsedData({ ...base, timeoutSeconds })).toMatchObject({ timeoutSeconds });
  });

  it.each([0, 31, -1])("refuses a timeout of %s seconds", (timeoutSeconds) => {
    expect(issuesOf({ ...base, timeoutSeconds })).toEqual([{ path: "timeoutSeconds", message: "Between 1 and 30 seconds" }]);
  });

  it("refuses a fractional timeout", () => {
    expect(issuesOf({ ...base, timeoutSeconds: 2.5 })).toEqual([{ path: "timeoutSeconds", message: "Use a whole number" }]);
  });

  it.each([0, 5])("accepts %s retries", (retries) => {
    expect(parsedData({ ...base, retries })).toMatchObject({ retries });
  });

  it.each([-1, 6])("refuses %s retries", (retries) => {
    expect(issuesOf({ ...base, retries })).toEqual([{ path: "retries", message: "Between 0 and 5 retries" }]);
  });

  it("refuses fractional retries", () => {
    expect(issuesOf({ ...base, retries: 1.5 })).toEqual([{ path: "retries", message: "Use a whole number" }]);
  });
});

describe("webhook config: saveResponse", () => {
  it("accepts field keys mapped to dot paths", () => {
    const saveResponse = { order_id: "order.id", sku: "items.0.sku", status: "status", total: "data.$total" };
    expect(parsedData({ ...base, saveResponse })).toMatchObject({ saveResponse });
  });

  it.each(["City", "1st", "order-id", "order.id"])("refuses the field key %j", (key) => {
    expect(issuesOf({ ...base, saveResponse: { [key]: "order.id" } }).map((i) => i.path)).toEqual([`saveResponse.${key}`]);
  });

  it.each(["order..id", ".id", "order.", "order id", "order/id", "", "items[0].sku"])("refuses the path %j", (path) => {
    expect(issuesOf({ ...base, saveResponse: { order_id: path } })).toEqual([
      { path: "saveResponse.order_id", message: "Use a dot path such as order.id or items.0.sku" },
    ]);
  });

  it("refuses more than 20 fields", () => {
    const saveResponse = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, `a.${i}`]));
    expect(issuesOf({ ...base, saveResponse })).toEqual([{ path: "saveResponse", message: "At most 20 fields" }]);
  });
});

describe("webhook at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    expect(publishIssues({ method: "POST", url: "ftp://x", headers: { Host: "a" }, retries: 9 })).toEqual([
      { nodeId: "n", path: "url", message: "Webhook: Use an http:// or https:// URL" },
      { nodeId: "n", path: "headers.Host", message: "Webhook: The Host header is set by Replyflow" },
      { nodeId: "n", path: "retries", message: "Webhook: Between 0 and 5 retries" },
    ]);
  });

  it("publishes a valid webhook", () => {
    expect(publishIssues({ ...base, saveResponse: { order_id: "order.id" } })).toEqual([]);
  });
});
