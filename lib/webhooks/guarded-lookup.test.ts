import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { guardedLookup, type Resolver } from "./guarded-lookup";
import { publicOnly } from "./address-policy";
import { WebhookNetworkError, WebhookRefused } from "./webhook-errors";

const answering = (addresses: LookupAddress[]): Resolver => (_hostname, _options, callback) => callback(null, addresses);

function lookUp(resolver: Resolver, all: boolean) {
  return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => {
    guardedLookup(publicOnly, resolver)("api.shop.com", { all }, (error, address, family) => resolve({ error, address, family }));
  });
}

describe("guardedLookup", () => {
  it("refuses a name when any of its addresses is refused (DNS rebinding)", async () => {
    const mixed = answering([{ address: "8.8.8.8", family: 4 }, { address: "127.0.0.1", family: 4 }]);
    const { error } = await lookUp(mixed, true);
    expect(error).toBeInstanceOf(WebhookRefused);
  });

  it("hands every address to net when it asks for all, else the first", async () => {
    const addresses = [{ address: "2001:4860:4860::8888", family: 6 }, { address: "8.8.8.8", family: 4 }];
    expect(await lookUp(answering(addresses), true)).toEqual({ error: null, address: addresses, family: undefined });
    expect(await lookUp(answering(addresses), false)).toEqual({ error: null, address: "2001:4860:4860::8888", family: 6 });
  });

  it("reports DNS failures and empty answers as network errors", async () => {
    const failing: Resolver = (_hostname, _options, callback) => callback(Object.assign(new Error("nope"), { code: "ENOTFOUND" }), []);
    const { error } = await lookUp(failing, true);
    expect(error).toBeInstanceOf(WebhookNetworkError);
    expect(error?.message).toBe("Could not resolve api.shop.com");
    expect((await lookUp(answering([]), true)).error).toBeInstanceOf(WebhookNetworkError);
  });
});
