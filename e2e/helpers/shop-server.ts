import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A shop's order API on loopback, for specs with a Webhook step: a real HTTP server (port 0)
 * that answers `POST /orders` with 201 and `{"order":{"id":"A-<n>"}}`, anything else with 404,
 * and records every request it receives (method, path, headers, body).
 *
 * The app's workers only call loopback addresses with WEBHOOK_ALLOW_PRIVATE=1 (README, "Environment").
 */
export type ShopRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export type Shop = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: ShopRequest[];
  /** The order ids answered so far, in order ("A-1", "A-2", ...). */
  orderIds: string[];
  close: () => Promise<void>;
};

export async function startShop(): Promise<Shop> {
  const requests: ShopRequest[] = [];
  const orderIds: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://shop").pathname;
      requests.push({ method: req.method ?? "", path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (req.method === "POST" && path === "/orders") {
        const id = `A-${orderIds.length + 1}`;
        orderIds.push(id);
        res.writeHead(201, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ order: { id } }));
      } else {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "not found" }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    orderIds,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
