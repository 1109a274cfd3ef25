import type { WebhookRequest } from "./safe-request";
import { WebhookRefused } from "./webhook-errors";

export type Hop = Omit<WebhookRequest, "timeoutMs">;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Like fetch: credentials meant for one origin are not handed to another one.
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];
const BODY_HEADERS = ["content-length", "content-type", "content-encoding", "content-language", "content-location"];

/** The request to make after a redirect, or undefined when the response is the final one. */
export function nextHop(hop: Hop, from: URL, status: number | undefined, location: string | undefined): Hop | undefined {
  if (status === undefined || !REDIRECT_STATUSES.has(status) || !location) return undefined;
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new WebhookRefused(`Redirect (${status}) to an invalid URL`);
  }
  const headers = { ...hop.headers };
  if (to.origin !== from.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  // Browsers turn 303, and 301/302 after a POST, into a GET without body; 307/308 replay as sent.
  const becomesGet = status === 303 || ((status === 301 || status === 302) && hop.method === "POST");
  if (!becomesGet) return { ...hop, url: to.href, headers };
  for (const name of BODY_HEADERS) delete headers[name];
  return { method: "GET", url: to.href, headers };
}
