import http from "node:http";
import https from "node:https";
import { defaultPolicy, type AddressPolicy } from "./address-policy";
import { guardedLookup } from "./guarded-lookup";
import { nextHop, type Hop } from "./next-hop";
import { readBody } from "./read-body";
import { targetUrl } from "./target-url";
import { toWebhookError, WebhookRefused } from "./webhook-errors";

export { defaultPolicy, publicOnly, type AddressPolicy } from "./address-policy";
export { WebhookNetworkError, WebhookRefused } from "./webhook-errors";

export type WebhookRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

export type WebhookResponse = {
  status: number;
  headers: Record<string, string>;
  bodyExcerpt: string;
  /** Up to maxBodyBytes of the body, decoded as UTF-8. */
  body: string;
  truncated: boolean;
  durationMs: number;
  finalUrl: string;
};

export type SafeRequestOptions = { policy?: AddressPolicy; maxRedirects?: number; maxBodyBytes?: number };

export const MAX_BODY = 64 * 1024;
export const USER_AGENT = "Replyflow-Webhook/1.0";
const EXCERPT_CHARS = 500;
const MAX_TIMER_MS = 2_147_483_647; // setTimeout fires at once beyond this
// The client frames the message itself; a caller's value here could only contradict it.
const CLIENT_OWNED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);

/**
 * One webhook call: every hop's address is vetted by `policy`, redirects are followed by hand,
 * and a single deadline of timeoutMs covers connecting, redirects and reading the body.
 */
export async function safeRequest(request: WebhookRequest, options: SafeRequestOptions = {}): Promise<WebhookResponse> {
  const policy = options.policy ?? defaultPolicy();
  // `|| 0`: a NaN limit would compare false forever and lift the cap instead of closing it.
  const maxRedirects = Math.max(0, Math.trunc(options.maxRedirects ?? 3) || 0);
  const maxBodyBytes = Math.max(0, Math.trunc(options.maxBodyBytes ?? MAX_BODY) || 0);
  if (!Number.isFinite(request.timeoutMs) || request.timeoutMs <= 0) {
    throw new WebhookRefused("timeoutMs must be a positive number of milliseconds");
  }
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), Math.min(request.timeoutMs, MAX_TIMER_MS));
  let hop: Hop = { method: request.method, url: request.url, headers: outgoingHeaders(request), body: request.body };
  let url: URL | undefined;
  try {
    for (let redirects = 0; ; redirects += 1) {
      url = targetUrl(hop.url, policy);
      const response = await send(url, hop, policy, deadline.signal);
      const next = nextHop(hop, url, response.statusCode, response.headers.location);
      if (next === undefined) {
        const { body, truncated } = await readBody(response, maxBodyBytes, deadline.signal);
        return {
          status: response.statusCode ?? 0,
          headers: flattenHeaders(response.headers),
          bodyExcerpt: excerpt(body),
          body,
          truncated,
          durationMs: Math.round(performance.now() - started),
          finalUrl: url.href,
        };
      }
      response.destroy(); // a redirect's body is never read
      if (redirects >= maxRedirects) throw new WebhookRefused(`Too many redirects (more than ${maxRedirects})`);
      hop = next;
    }
  } catch (error) {
    throw toWebhookError(error, url, request.timeoutMs, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

function send(url: URL, hop: Hop, policy: AddressPolicy, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    // agent: false = a fresh socket per hop; a pooled socket could outlive the check of its address.
    const options: http.RequestOptions = { method: hop.method, headers: hop.headers, agent: false, lookup: guardedLookup(policy), signal };
    const outgoing = url.protocol === "https:" ? https.request(url, options, resolve) : http.request(url, options, resolve);
    outgoing.on("error", reject);
    if (hop.body === undefined) outgoing.end();
    else outgoing.end(hop.body);
  });
}

function outgoingHeaders(request: WebhookRequest): Record<string, string> {
  const headers = new Map([["user-agent", USER_AGENT], ["accept-encoding", "identity"]]);
  for (const [name, value] of Object.entries(request.headers)) {
    const key = name.toLowerCase();
    if (!CLIENT_OWNED_HEADERS.has(key)) headers.set(key, value);
  }
  const sendsBody = request.body !== undefined || (request.method !== "GET" && request.method !== "DELETE");
  if (sendsBody) headers.set("content-length", String(Buffer.byteLength(request.body ?? "")));
  return Object.fromEntries(headers); // fromEntries: a "__proto__" header stays a plain key
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
  }
  return Object.fromEntries(flat);
}

function excerpt(body: string): string {
  const cut = body.slice(0, EXCERPT_CHARS);
  const last = cut.charCodeAt(cut.length - 1);
  // Do not end on the first half of a surrogate pair (an emoji cut in two).
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
