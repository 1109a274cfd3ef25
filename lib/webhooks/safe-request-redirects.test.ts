import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeRequest, WebhookNetworkError, WebhookRefused, type AddressPolicy } from "./safe-request";
import { expectRejection, startTestServer, type TestServer } from "./start-test-server";

// Linux routes all of 127/8 to lo, so 127.0.0.2 stands in for "an internal host".
const firstLoopbackOnly: AddressPolicy = (address) => address === "127.0.0.1";
let main: TestServer;
let other: TestServer; // same address, other port: another origin the policy allows
let internal: TestServer; // 127.0.0.2: refused by the policy

beforeAll(async () => {
  internal = await startTestServer("127.0.0.2", (_request, response) => void response.end("secret"));
  other = await startTestServer("127.0.0.1", (request, response) => void response.end(JSON.stringify(request.headers)));
  main = await startTestServer("127.0.0.1", (request, response) => {
    const redirect = (status: number, location: string) => void response.writeHead(status, { location }).end("moved");
    if (request.url === "/to-internal") return redirect(302, `${internal.origin}/`);
    if (request.url === "/to-ftp") return redirect(302, "ftp://example.com/");
    if (request.url === "/to-other") return redirect(307, `${other.origin}/`);
    if (request.url === "/loop") return redirect(302, "/loop");
    if (request.url?.startsWith("/status/")) return redirect(Number(request.url.slice(8)), "/echo");
    if (request.url === "/slow-loop") return void setTimeout(() => redirect(302, "/slow-loop"), 150);
    if (request.url === "/stall") return void response.writeHead(200).write("partial");
    response.end(JSON.stringify({ method: request.method, body: request.body, contentType: request.headers["content-type"] ?? null }));
  });
});
afterAll(async () => {
  await Promise.all([main.close(), other.close(), internal.close()]);
});

const post = (path: string, timeoutMs = 5_000) => ({
  method: "POST" as const,
  url: `${main.origin}${path}`,
  headers: { "content-type": "application/json", authorization: "Bearer s3cret", "x-token": "t1" },
  body: '{"a":1}',
  timeoutMs,
});

describe("safeRequest redirects", () => {
  it("refuses a hop to a refused address before connecting to it", async () => {
    const call = safeRequest(post("/to-internal"), { policy: firstLoopbackOnly });
    await expectRejection(call, WebhookRefused, "127.0.0.2 is a private or reserved address");
    expect(internal.seen).toHaveLength(0);
  });

  it("refuses a hop to another scheme", async () => {
    await expect(safeRequest(post("/to-ftp"), { policy: firstLoopbackOnly })).rejects.toBeInstanceOf(WebhookRefused);
  });

  it.each([
    [303, "GET", ""],
    [302, "GET", ""],
    [301, "GET", ""],
    [307, "POST", '{"a":1}'],
    [308, "POST", '{"a":1}'],
  ])("follows %i and the next hop is a %s", async (status, method, body) => {
    const response = await safeRequest(post(`/status/${status}`), { policy: firstLoopbackOnly });
    expect(response.status).toBe(200);
    expect(response.finalUrl).toBe(`${main.origin}/echo`);
    const contentType = method === "GET" ? null : "application/json";
    expect(JSON.parse(response.body)).toEqual({ method, body, contentType });
  });

  it("keeps PUT a PUT on a 302, as browsers do", async () => {
    const response = await safeRequest({ ...post("/status/302"), method: "PUT" }, { policy: firstLoopbackOnly });
    expect(JSON.parse(response.body)).toMatchObject({ method: "PUT", body: '{"a":1}' });
  });

  it("drops credentials when a redirect leaves the origin", async () => {
    const response = await safeRequest(post("/to-other"), { policy: firstLoopbackOnly });
    const headers: unknown = JSON.parse(response.body);
    expect(headers).not.toHaveProperty("authorization");
    expect(headers).toMatchObject({ "x-token": "t1", "user-agent": "Replyflow-Webhook/1.0" });
  });

  it("refuses a redirect loop beyond maxRedirects", async () => {
    const before = main.seen.length;
    const call = safeRequest(post("/loop"), { policy: firstLoopbackOnly, maxRedirects: 3 });
    await expectRejection(call, WebhookRefused, "Too many redirects (more than 3)");
    expect(main.seen.length - before).toBe(4); // the request and three followed redirects
  });

  it("does not follow at all with maxRedirects 0", async () => {
    await expect(safeRequest(post("/status/303"), { policy: firstLoopbackOnly, maxRedirects: 0 })).rejects.toBeInstanceOf(WebhookRefused);
  });
});

describe("safeRequest deadline", () => {
  it("covers the whole chain of redirects, not each hop", async () => {
    const started = Date.now();
    const call = safeRequest(post("/slow-loop", 400), { policy: firstLoopbackOnly, maxRedirects: 20 });
    await expectRejection(call, WebhookNetworkError, "Timed out after 0.4 s");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("covers reading the body", async () => {
    const call = safeRequest(post("/stall", 300), { policy: firstLoopbackOnly });
    await expectRejection(call, WebhookNetworkError, "Timed out after 0.3 s");
  });
});
