import { expect } from "vitest";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type TestServer = { origin: string; port: number; seen: SeenRequest[]; close: () => Promise<void> };
type Handler = (request: SeenRequest, response: ServerResponse) => void;

/** A real HTTP server on a loopback address and a free port, recording every request it gets (tests only). */
export async function startTestServer(host: string, handler: Handler): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(request);
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Test server is not on TCP");
  const { port } = address;
  return {
    origin: `http://${host}:${port}`,
    port,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = await startTestServer("127.0.0.1", () => {});
  await server.close();
  return server.port;
}

/** vitest's toThrow(new X(message)) compares messages only; this also checks the class. */
export async function expectRejection(call: Promise<unknown>, type: new (message: string) => Error, message: string): Promise<void> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toHaveProperty("message", message);
}
