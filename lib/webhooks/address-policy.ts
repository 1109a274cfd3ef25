import { BlockList, isIP } from "node:net";
import { ipv4FromGroups, ipv6Groups } from "./ipv6-groups";

/** true = the webhook may connect to this address. */
export type AddressPolicy = (address: string, family: 4 | 6) => boolean;

// Everything that is not the public internet (RFC 6890 special-purpose registry, roughly).
const refusedV4 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", includes the unspecified 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, home of cloud metadata endpoints
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, includes broadcast
] as const) {
  refusedV4.addSubnet(net, prefix, "ipv4");
}

// IPv6 is allowed only inside global unicast 2000::/3, minus the special blocks that live there.
const globalUnicast = new BlockList();
globalUnicast.addSubnet("2000::", 3, "ipv6");
const refusedV6 = new BlockList();
refusedV6.addSubnet("2001::", 23, "ipv6"); // IETF protocol assignments, Teredo
refusedV6.addSubnet("2001:db8::", 32, "ipv6"); // documentation
refusedV6.addSubnet("3fff::", 20, "ipv6"); // documentation

/** Only public unicast addresses; see the tables above for what is refused. */
export const publicOnly: AddressPolicy = (address, family) => {
  const bare = family === 6 ? stripZone(address) : address;
  if (isIP(bare) !== family) return false;
  return family === 4 ? !refusedV4.check(bare, "ipv4") : isPublicV6(bare);
};

const allowAll: AddressPolicy = () => true;

/** Local development talks to webhooks on localhost: WEBHOOK_ALLOW_PRIVATE=1 lifts the check. */
export function defaultPolicy(): AddressPolicy {
  return process.env.WEBHOOK_ALLOW_PRIVATE === "1" ? allowAll : publicOnly;
}

function isPublicV6(address: string): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = ipv6Groups(address);
  // Addresses that carry an IPv4 address inside are judged by that address.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return publicOnly(ipv4FromGroups(g6, g7), 4);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return publicOnly(ipv4FromGroups(g6, g7), 4);
  if (g0 === 0x2002) return publicOnly(ipv4FromGroups(g1, g2), 4); // 6to4
  return globalUnicast.check(address, "ipv6") && !refusedV6.check(address, "ipv6");
}

function stripZone(address: string): string {
  const percent = address.indexOf("%");
  return percent === -1 ? address : address.slice(0, percent);
}
