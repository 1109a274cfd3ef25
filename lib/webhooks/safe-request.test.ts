import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicOnly, safeRequest, WebhookNetworkError, WebhookRefused, type AddressPolicy } from "./safe-request";
import { closedPort, expectRejection, startTestServer, type TestServer } from "./start-test-server";

const allowAll: AddressPolicy = () => true;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer("127.0.0.1", (request, response) => {
    if (request.url === "/fail") return void response.writeHead(500).end("boom");
    if (request.url === "/slow") {
      const timer = setTimeout(() => response.end("late"), 2_000);
      return void response.on("close", () => clearTimeout(timer));
    }
    if (request.url === "/big") return void response.end("x".repeat(256 * 1024));
    if (request.url === "/accents") return void response.end("é".repeat(1_000));
    response.setHeader("set-cookie", ["a=1", "b=2"]);
    response.writeHead(200, { "Content-Type": "application/json", "X-Echo-Method": request.method });
    response.end(JSON.stringify({ ok: true, received: request.body }));
  });
});
afterAll(() => server.close());

describe("safeRequest against a real server", () => {
  it.each(["POST", "PUT"] as const)("sends %s with headers and body exactly as given", async (method) => {
    const before = server.seen.length;
    const body = JSON.stringify({ hello: "wörld" });
    const response = await safeRequest(
      { method, url: `${server.origin}/hook?x=1`, headers: { "Content-Type": "application/json", "X-Token": "t1" }, body, timeoutMs: 5_000 },
      { policy: allowAll },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, received: body });
    expect(response.bodyExcerpt).toBe(response.body);
    expect(response.truncated).toBe(false);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.headers["x-echo-method"]).toBe(method);
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
    expect(response.finalUrl).toBe(`${server.origin}/hook?x=1`);
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    const seen = server.seen.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method, url: "/hook?x=1", body });
    expect(seen[0]?.headers).toMatchObject({
      "content-type": "application/json",
      "x-token": "t1",
      "user-agent": "Replyflow-Webhook/1.0",
      "content-length": String(Buffer.byteLength(body)),
    });
  });

  it("keeps a user-agent the caller gave", async () => {
    const before = server.seen.length;
    await safeRequest({ method: "GET", url: server.origin, headers: { "User-Agent": "Mine/2" }, timeoutMs: 5_000 }, { policy: allowAll });
    expect(server.seen[before]?.headers["user-agent"]).toBe("Mine/2");
  });

  it("returns a 500 as a response, not an error", async () => {
    const response = await safeRequest({ method: "GET", url: `${server.origin}/fail`, headers: {}, timeoutMs: 5_000 }, { policy: allowAll });
    expect(response).toMatchObject({ status: 500, body: "boom", truncated: false });
  });

  it("gives up on a slow server at the deadline", async () => {
    const started = Date.now();
    const call = safeRequest({ method: "GET", url: `${server.origin}/slow`, headers: {}, timeoutMs: 300 }, { policy: allowAll });
    await expectRejection(call, WebhookNetworkError, "Timed out after 0.3 s");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("reads at most maxBodyBytes and reports the body as truncated", async () => {
    const response = await safeRequest(
      { method: "GET", url: `${server.origin}/big`, headers: {}, timeoutMs: 5_000 },
      { policy: allowAll, maxBodyBytes: 10_000 },
    );
    expect(response.truncated).toBe(true);
    expect(response.body).toBe("x".repeat(10_000));
    expect(response.bodyExcerpt).toBe("x".repeat(500));
  });

  it("does not cut a UTF-8 character in half at the limit", async () => {
    const response = await safeRequest(
      { method: "GET", url: `${server.origin}/accents`, headers: {}, timeoutMs: 5_000 },
      { policy: allowAll, maxBodyBytes: 101 },
    );
    expect(response).toMatchObject({ truncated: true, body: "é".repeat(50) });
  });

  it("reports a closed port as a network error in plain words", async () => {
    const port = await closedPort();
    const call = safeRequest({ method: "GET", url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 5_000 }, { policy: allowAll });
    await expectRejection(call, WebhookNetworkError, `Connection refused by 127.0.0.1:${port}`);
  });

  it("reports a name that does not resolve as a network error", async () => {
    const call = safeRequest({ method: "GET", url: "http://does-not-exist.invalid/", headers: {}, timeoutMs: 5_000 }, { policy: allowAll });
    await expect(call).rejects.toBeInstanceOf(WebhookNetworkError);
  });
});

describe("safeRequest with publicOnly", () => {
  const urls = () => [
    `http://127.0.0.1:${server.port}/`,
    `http://localhost:${server.port}/`,
    `http://[::1]:${server.port}/`,
    `http://0x7f.1:${server.port}/`,
    `http://2130706433:${server.port}/`,
    `http://[::ffff:127.0.0.1]:${server.port}/`,
  ];

  it("refuses loopback in every spelling before anything reaches the server", async () => {
    const before = server.seen.length;
    for (const url of urls()) {
      const call = safeRequest({ method: "POST", url, headers: {}, body: "{}", timeoutMs: 5_000 }, { policy: publicOnly });
      await expect(call, url).rejects.toBeInstanceOf(WebhookRefused);
    }
    expect(server.seen.length).toBe(before);
  });

  it("lets hostnames through the guarded lookup when the policy allows their addresses", async () => {
    const loopback: AddressPolicy = (address) => address === "127.0.0.1" || address === "::1";
    const response = await safeRequest({ method: "GET", url: `http://localhost:${server.port}/`, headers: {}, timeoutMs: 5_000 }, { policy: loopback });
    expect(response.status).toBe(200);
  });
});

describe("safeRequest URL checks", () => {
  it.each(["ftp://example.com/file", "file:///etc/passwd", "http://user:pass@example.com/", "http://user@example.com/", "not a url"])(
    "refuses %s",
    async (url) => {
      const call = safeRequest({ method: "GET", url, headers: {}, timeoutMs: 5_000 }, { policy: allowAll });
      await expect(call).rejects.toBeInstanceOf(WebhookRefused);
    },
  );

  it("refuses header values that would split the request", async () => {
    const call = safeRequest({ method: "GET", url: server.origin, headers: { "x-a": "1\r\nx-b: 2" }, timeoutMs: 5_000 }, { policy: allowAll });
    await expect(call).rejects.toBeInstanceOf(WebhookRefused);
  });
});
