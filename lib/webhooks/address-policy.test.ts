import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultPolicy, publicOnly } from "./address-policy";

describe("publicOnly", () => {
  it.each([
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["100.64.0.1", false],
    ["100.128.0.1", true],
    ["127.0.0.1", false],
    ["127.255.0.9", false],
    ["169.254.169.254", false],
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["192.0.2.10", false],
    ["198.18.0.1", false],
  ])("IPv4 %s allowed: %s", (address, allowed) => {
    expect(publicOnly(address, 4)).toBe(allowed);
  });

  it.each([
    ["::1", false],
    ["::", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:8.8.8.8", true],
    ["::127.0.0.1", false],
    ["64:ff9b::7f00:1", false],
    ["64:ff9b::10.0.0.1", false],
    ["64:ff9b::8.8.8.8", true],
    ["2002:7f00:1::", false],
    ["2002:808:808::1", true],
    ["fd00::1", false],
    ["fc00::1", false],
    ["fe80::1", false],
    ["fe80::1%eth0", false],
    ["fec0::1", false],
    ["ff02::1", false],
    ["2001:db8::1", false],
    ["2001::1", false],
    ["2001:4860:4860::8888", true],
    ["2606:4700:4700::1111", true],
  ])("IPv6 %s allowed: %s", (address, allowed) => {
    expect(publicOnly(address, 6)).toBe(allowed);
  });

  it.each([
    ["8.8.8.8", 6],
    ["2001:4860:4860::8888", 4],
    ["not-an-ip", 4],
    ["", 6],
  ] as const)("refuses %s claimed as IPv%i", (address, family) => {
    expect(publicOnly(address, family)).toBe(false);
  });
});

describe("defaultPolicy", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("allows private addresses only when WEBHOOK_ALLOW_PRIVATE is 1", () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    expect(defaultPolicy()("127.0.0.1", 4)).toBe(true);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "true");
    expect(defaultPolicy()("127.0.0.1", 4)).toBe(false);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
    expect(defaultPolicy()("10.0.0.1", 4)).toBe(false);
    expect(defaultPolicy()("8.8.8.8", 4)).toBe(true);
  });
});
