import { isIP } from "node:net";
import type { AddressPolicy } from "./address-policy";
import { WebhookRefused } from "./webhook-errors";

/**
 * Parses and vets one hop's URL. IP literals never reach `lookup` (net connects to them
 * directly), so they are checked here; WHATWG URL has already normalised 0x7f.1 or 2130706433.
 */
export function targetUrl(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookRefused("Not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WebhookRefused(`Only http and https URLs are allowed, not ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new WebhookRefused("URLs with a user name or password are not allowed: send credentials in a header");
  }
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const family = isIP(host);
  if ((family === 4 || family === 6) && !policy(host, family)) {
    throw new WebhookRefused(`${host} is a private or reserved address`);
  }
  return url;
}
