/**
 * @module SSRF guard: refuses feed addresses on private, loopback, link-local and other special-purpose
 * networks. It checks the resolved addresses inside the connection's own `lookup`, so the socket connects
 * to exactly the address that was checked: DNS rebinding between check and connect cannot happen.
 */
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address (the system resolver by default; tests replace it). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: ResolveHost = (hostname) => new Promise((resolve, reject) => {
  dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
    if (error) reject(error);
    else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
  });
});

const V4: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network"'], ['10.0.0.0', 8, 'private'], ['100.64.0.0', 10, 'carrier-grade NAT'], ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], ['172.16.0.0', 12, 'private'], ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'], ['192.88.99.0', 24, '6to4 relay'], ['192.168.0.0', 16, 'private'], ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'], ['203.0.113.0', 24, 'documentation'], ['224.0.0.0', 4, 'multicast'], ['240.0.0.0', 4, 'reserved'],
];
const V6: [string, number, string][] = [
  ['::', 128, 'unspecified'], ['::1', 128, 'loopback'], ['::', 96, 'IPv4-compatible'], ['64:ff9b::', 96, 'NAT64'], ['64:ff9b:1::', 48, 'NAT64'],
  ['100::', 64, 'discard-only'], ['2001::', 23, 'IETF protocol assignments'], ['2001:db8::', 32, 'documentation'], ['2002::', 16, '6to4'],
  ['fc00::', 7, 'unique local (private)'], ['fe80::', 10, 'link-local'], ['fec0::', 10, 'site-local'], ['ff00::', 8, 'multicast'],
];

const blocks = (() => {
  const lists = new Map<string, BlockList>();
  for (const [network, prefix, label] of V4) (lists.get(label) ?? lists.set(label, new BlockList()).get(label)!).addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix, label] of V6) (lists.get(label) ?? lists.set(label, new BlockList()).get(label)!).addSubnet(network, prefix, 'ipv6');
  return [...lists];
})();

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d, ::ffff:7f00:1, 0:0:0:0:0:ffff:…), else null. */
function mappedIpv4(address: string): string | null {
  // WHATWG URL parsing writes every IPv6 spelling in one canonical, compressed, lower-case form.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!hex) return null;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Why an address may not be fetched (its special-purpose network), or null for a public address. */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const v4 = mappedIpv4(bare);
    if (v4) return forbiddenAddressReason(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [label, list] of blocks) if (list.check(bare, type)) return label;
  return null;
}

export interface GuardOptions {
  allowPrivate: boolean;
  resolve?: ResolveHost;
  /** The address rule (tests may pretend their loopback server is public). */
  isForbidden?: (address: string) => string | null;
}

export class SsrfRefusedError extends Error {
  readonly code = 'WIRE_FEED_ADDRESS_REFUSED';
}

/** Checks one address; throws SsrfRefusedError naming the host, the address and its network. */
export function assertAllowedAddress(host: string, address: string, options: GuardOptions): void {
  const reason = (options.isForbidden ?? forbiddenAddressReason)(address);
  // Even an intranet source never reaches link-local addresses: that is where cloud metadata services answer.
  if (options.allowPrivate && reason !== 'link-local') return;
  if (reason === 'link-local' && options.allowPrivate) throw new SsrfRefusedError(`refused: ${host} is at ${address}, a link-local address (cloud metadata lives there; never allowed)`);
  if (reason) throw new SsrfRefusedError(`refused: ${host} is at ${address}, a ${reason} address (set allowPrivate on the source to allow it)`);
}

/**
 * A `lookup` for node:http(s) `request` options: resolves, refuses the host when ANY of its addresses is
 * forbidden (a mixed answer is how rebinding attacks start), and hands the checked addresses to the socket.
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  const resolve = options.resolve ?? systemResolve;
  return ((hostname: string, lookupOptions: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then((addresses) => {
      const wanted = addresses.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
      if (wanted.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
      for (const a of addresses) assertAllowedAddress(hostname, a.address, options);
      if (lookupOptions.all) callback(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    }).catch((error: unknown) => callback(error));
  }) as LookupFunction;
}
