/**
 * The eight 16-bit groups of an IPv6 address. Expects what net.isIPv6 accepts, zone already
 * stripped; plain string splitting, no regex, so hostile input costs linear time.
 */
export function ipv6Groups(address: string): number[] {
  const text = withHexTail(address);
  const [head = "", tail] = text.split("::");
  const headGroups = parseGroups(head);
  if (tail === undefined) return headGroups;
  const tailGroups = parseGroups(tail);
  const zeros = new Array<number>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill(0);
  return [...headGroups, ...zeros, ...tailGroups];
}

/** Dotted quad of the 32 bits held by two groups (the tail of ::ffff:a.b.c.d and of NAT64). */
export function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

// "::ffff:1.2.3.4" → "::ffff:102:304": one notation for the rest of the parser.
function withHexTail(address: string): string {
  const lastColon = address.lastIndexOf(":");
  const tail = address.slice(lastColon + 1);
  if (!tail.includes(".")) return address;
  const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
  const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return address.slice(0, lastColon + 1) + hex;
}

function parseGroups(part: string): number[] {
  return part === "" ? [] : part.split(":").map((group) => parseInt(group, 16));
}
