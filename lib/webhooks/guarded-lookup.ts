import dns from "node:dns";
import type { LookupFunction } from "node:net";
import type { AddressPolicy } from "./address-policy";
import { WebhookNetworkError, WebhookRefused } from "./webhook-errors";

export type Resolver = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for http.request that checks the addresses the socket will actually connect to.
 * One refused address refuses the whole host: a name that mixes public and private answers is
 * a DNS rebinding attempt or a misconfiguration, and "refused if any" is easy to reason about.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(dnsError(hostname, error), "");
      if (addresses.length === 0) return callback(new WebhookNetworkError(`No address found for ${hostname}`), "");
      const refused = addresses.some(({ address, family }) => (family !== 4 && family !== 6) || !policy(address, family));
      if (refused) {
        return callback(new WebhookRefused(`${hostname} resolves to an address that is not allowed (private or reserved)`), "");
      }
      // With autoSelectFamily (node's default) net asks for every address; otherwise for one.
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? "", first?.family);
    });
  };
}

function dnsError(hostname: string, error: NodeJS.ErrnoException): WebhookNetworkError {
  if (error.code === "ENOTFOUND") return new WebhookNetworkError(`Could not resolve ${hostname}`, { cause: error });
  const detail = error.code ?? error.message;
  return new WebhookNetworkError(`DNS lookup for ${hostname} failed (${detail})`, { cause: error });
}
