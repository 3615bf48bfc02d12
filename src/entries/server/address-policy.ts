// Which IP addresses the server-side feed loader may connect to: public unicast only, so that a
// feed URL cannot make the server reach itself, its network or a cloud metadata service (SSRF).
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
const NOT_PUBLIC_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the host itself
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
}

// IPv6 is an allow-list: global unicast is 2000::/3, and everything outside it (loopback,
// unspecified, link-local fe80::/10, unique-local fc00::/7, multicast ff00::/8, the IPv4-compatible
// ::/96) is refused. Inside it, the special-purpose blocks below are refused too.
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');
const NOT_PUBLIC_V6 = new BlockList();
NOT_PUBLIC_V6.addSubnet('2001::', 23, 'ipv6'); // IETF protocol assignments: Teredo, benchmarking
NOT_PUBLIC_V6.addSubnet('2001:db8::', 32, 'ipv6'); // documentation
NOT_PUBLIC_V6.addSubnet('3fff::', 20, 'ipv6'); // documentation (RFC 9637)

/** The eight 16-bit groups of an IPv6 address (a valid one: callers check with isIP). */
function groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The IPv4 address an IPv6 one stands for, where it is a way of writing or reaching one:
 * IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::.
 */
function embeddedIPv4(g: readonly number[]): string | undefined {
  const at = (i: number) => g[i] ?? 0;
  const first96 = g
    .slice(0, 6)
    .map((n) => n.toString(16))
    .join(':');
  if (first96 === '0:0:0:0:0:ffff' || first96 === '64:ff9b:0:0:0:0') return v4(at(6), at(7));
  if (at(0) === 0x2002) return v4(at(1), at(2));
  return undefined;
}

/** Whether `address` (an IP address as text) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  // A zone (fe80::1%eth0) only ever comes with a link-local address.
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC_V4.check(bare, 'ipv4');
  if (family !== 6) return false;
  const inner = embeddedIPv4(groups(bare));
  if (inner !== undefined) return !NOT_PUBLIC_V4.check(inner, 'ipv4');
  return GLOBAL_UNICAST_V6.check(bare, 'ipv6') && !NOT_PUBLIC_V6.check(bare, 'ipv6');
}

/**
 * A `lookup` for node:http(s) `request` that resolves a name and refuses it when any of its
 * addresses is not public. It runs when the socket connects, so the addresses checked are the ones
 * connected to: a name that resolved to a public address a moment earlier cannot switch to a
 * private one in between (DNS rebinding). `refuse` makes the error the request then fails with.
 */
export function publicOnlyLookup(refuse: (hostname: string, address: string) => Error) {
  const lookup: LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      // All of them, not just the first: the connection may fall back to any one.
      const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked) return callback(refuse(hostname, blocked.address), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '');
      callback(null, first.address, first.family);
    });
  };
  return lookup;
}
