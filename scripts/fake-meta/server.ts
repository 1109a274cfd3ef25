import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { errorBody, inboundPayload, newWamid, sign, statusPayload, type InboundMessage, type MetaError, type StatusUpdate } from "./payloads.ts";
import { validateSend } from "./validate.ts";

export { inboundPayload, sign, statusPayload, type InboundMessage, type MetaError, type StatusUpdate } from "./payloads.ts";

/**
 * A fake Meta Graph API (WhatsApp Cloud API) on loopback, for the tests and a local demo: accepts
 * sends like Meta, answers with message ids, can be told to fail, throttle, hang or be slow, and
 * posts signed status and message webhooks to the app. Fakes the outside world only.
 */
export type FakeSend = {
  wamid: string; phoneNumberId: string; to: string | null; recipient: string | null; type: string;
  body: Record<string, unknown>; idempotencyKey: string | null; callbackData: string | null; at: number;
};
export type FakeMode =
  | { kind: "ok" }
  | { kind: "error"; status: number; code?: number; title?: string; message?: string; remaining?: number }
  | { kind: "hang" }
  | { kind: "slow"; delayMs: number };
export type FakeGraphApiOptions = {
  port?: number;
  accessToken?: string;
  appSecret?: string;
  webhookUrl?: string | null;
  autoStatuses?: ("sent" | "delivered" | "read")[];
  statusDelayMs?: number;
  log?: (line: string) => void;
};
export type FakeGraphApi = {
  url: string;
  port: number;
  sends: FakeSend[];
  attempts: number;
  setMode(mode: FakeMode): void;
  failRecipient(recipient: string, error: MetaError | null): void;
  failAfterAccept(recipient: string, error: MetaError | null): void;
  postStatus(wamid: string, status: StatusUpdate["status"], options?: { error?: MetaError; timestamp?: number }): Promise<void>;
  postInbound(message: InboundMessage): Promise<{ id: string }>;
  /** Posts a payload as is (signed), e.g. a recorded one replayed, duplicated or reordered. */
  postRaw(body: string): Promise<void>;
  waitForSends(count: number, timeoutMs?: number): Promise<void>;
  duplicates(): { key: string; count: number }[];
  reset(): void;
  close(): Promise<void>;
};

const VERSION = "v26.0";
const MAX_BODY = 1024 * 1024;

export async function startFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const accessToken = options.accessToken ?? "fake-token";
  const appSecret = options.appSecret ?? "fake-secret";
  const autoStatuses = options.autoStatuses ?? ["sent", "delivered"];
  const statusDelayMs = options.statusDelayMs ?? 20;
  const log = options.log ?? (() => {});
  let mode: FakeMode = { kind: "ok" };
  const refuse = new Map<string, MetaError>();
  const failLater = new Map<string, MetaError>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let closed = false;

  async function deliver(body: string): Promise<void> {
    if (!options.webhookUrl) return;
    // Meta retries a delivery the app did not take, for hours; a few tries with backoff here.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(options.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": sign(body, appSecret) }, body });
        if (response.ok) return;
        if (response.status >= 400 && response.status < 500) throw new Error(`webhook refused: HTTP ${response.status} ${await response.text()}`);
        throw Object.assign(new Error(`webhook answered HTTP ${response.status}`), { retry: true });
      } catch (error) {
        const retry = !(error instanceof Error) || !error.message.startsWith("webhook refused");
        if (!retry || attempt >= 8 || closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
      }
    }
  }

  const api: FakeGraphApi = {
    url: "",
    port: 0,
    sends: [],
    attempts: 0,
    setMode(next) {
      mode = next;
      if (next.kind !== "hang") for (const response of hanging) response.destroy();
    },
    failRecipient: (recipient, error) => void (error ? refuse.set(recipient, error) : refuse.delete(recipient)),
    failAfterAccept: (recipient, error) => void (error ? failLater.set(recipient, error) : failLater.delete(recipient)),
    async postStatus(wamid, status, extra = {}) {
      const send = api.sends.find((s) => s.wamid === wamid);
      await deliver(statusPayload(send?.phoneNumberId ?? "0", { wamid, status, to: send?.to ?? null, recipient: send?.recipient ?? null, callbackData: send?.callbackData ?? null, ...extra }));
    },
    async postInbound(message) {
      const id = message.id ?? newWamid("wamid.in.");
      await deliver(inboundPayload("0", { ...message, id }));
      return { id };
    },
    postRaw: (body) => deliver(body),
    async waitForSends(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (api.sends.length < count) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} sends (have ${api.sends.length}, ${api.attempts} attempts)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    duplicates() {
      const counts = new Map<string, number>();
      for (const send of api.sends) {
        const key = send.idempotencyKey ?? send.callbackData;
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts].filter(([, count]) => count > 1).map(([key, count]) => ({ key, count }));
    },
    reset() {
      api.sends.length = 0;
      api.attempts = 0;
      api.setMode({ kind: "ok" });
      refuse.clear();
      failLater.clear();
    },
    async close() {
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function handleSend(request: IncomingMessage, response: ServerResponse, phoneNumberId: string, raw: string) {
    api.attempts += 1;
    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      return json(response, 401, errorBody({ code: 190, title: "Invalid OAuth access token", details: "Error validating access token" }));
    }
    const current = mode;
    if (current.kind === "hang") return void hanging.add(response);
    if (current.kind === "slow") await new Promise((resolve) => setTimeout(resolve, current.delayMs));
    if (current.kind === "error") {
      if (current.remaining !== undefined && --current.remaining <= 0) mode = { kind: "ok" };
      const error = { code: current.code ?? (current.status >= 500 ? 1 : 100), title: current.title ?? (current.status >= 500 ? "An unknown error occurred" : "Error"), message: current.message };
      return json(response, current.status, errorBody(error));
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(response, 400, errorBody({ code: 100, title: "Invalid parameter", details: "The body is not valid JSON" }));
    }
    const invalid = validateSend(body);
    if (invalid) return json(response, 400, errorBody(invalid));
    const fields = body as Record<string, unknown>;
    const to = typeof fields.to === "string" ? fields.to.replace(/^\+/, "") : null;
    const recipient = typeof fields.recipient === "string" ? fields.recipient : null;
    const refused = refuse.get(to ?? recipient ?? "");
    if (refused) return json(response, 400, errorBody(refused));
    // A client that gave up before the answer: Meta would still have sent it, and so do we.
    const send: FakeSend = {
      wamid: newWamid(), phoneNumberId, to, recipient, type: String(fields.type), body: fields,
      idempotencyKey: request.headers["idempotency-key"]?.toString() ?? null,
      callbackData: typeof fields.biz_opaque_callback_data === "string" ? fields.biz_opaque_callback_data : null, at: Date.now(),
    };
    api.sends.push(send);
    log(`send ${send.wamid} ${send.type} to ${to ?? recipient}`);
    json(response, 200, { messaging_product: "whatsapp", contacts: [{ input: fields.to ?? recipient, ...(to ? { wa_id: to } : {}) }], messages: [{ id: send.wamid }] });
    void reportStatuses(send);
  }

  async function reportStatuses(send: FakeSend) {
    const failure = failLater.get(send.to ?? send.recipient ?? "");
    const steps: { status: StatusUpdate["status"]; error?: MetaError }[] = failure ? [{ status: "sent" }, { status: "failed", error: failure }] : autoStatuses.map((status) => ({ status }));
    for (const step of steps) {
      await new Promise((resolve) => setTimeout(resolve, statusDelayMs));
      if (closed) return;
      await api.postStatus(send.wamid, step.status, step.error ? { error: step.error } : {}).catch((error: unknown) => log(`status webhook not taken: ${String(error)}`));
    }
  }

  async function handleControl(path: string, response: ServerResponse, raw: string) {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (path === "/_fake/sends") return json(response, 200, { sends: api.sends, attempts: api.attempts, duplicates: api.duplicates() });
    if (path === "/_fake/mode") return api.setMode(body as FakeMode), json(response, 200, { ok: true });
    if (path === "/_fake/inbound") return json(response, 200, await api.postInbound(body as InboundMessage));
    if (path === "/_fake/status") {
      await api.postStatus(String(body.wamid), body.status as StatusUpdate["status"], body.error ? { error: body.error as MetaError } : {});
      return json(response, 200, { ok: true });
    }
    if (path === "/_fake/reset") return api.reset(), json(response, 200, { ok: true });
    return json(response, 404, { error: "Unknown control path" });
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > MAX_BODY) return json(response, 413, errorBody({ code: 100, title: "Request too large" }));
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      const send = path.match(new RegExp(`^/${VERSION}/(\\d+)/messages$`));
      const phone = path.match(new RegExp(`^/${VERSION}/(\\d+)$`));
      // The phone number's profile, as Settings' "Test connection" asks for it.
      if (phone && request.method === "GET") {
        return request.headers.authorization === `Bearer ${accessToken}`
          ? json(response, 200, { id: phone[1], display_phone_number: "+1 555-000-0000", verified_name: "Replyflow fake" })
          : json(response, 401, errorBody({ code: 190, title: "Invalid OAuth access token" }));
      }
      const work = send
        ? request.method === "POST" ? handleSend(request, response, send[1]!, raw) : Promise.resolve(json(response, 405, { error: "Method not allowed" }))
        : path.startsWith("/_fake/") ? handleControl(path, response, raw)
          : Promise.resolve(json(response, 404, errorBody({ code: 803, title: "Unknown path" })));
      work.catch((error: unknown) => json(response, 500, { error: String(error) }));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The fake Graph API is not on TCP");
  api.port = address.port;
  api.url = `http://127.0.0.1:${address.port}/${VERSION}`;
  return api;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
