/** @module Tests for the SSRF guard: special-purpose addresses in every spelling, and the lookup that hands the socket only checked addresses. */
import { describe, expect, it } from 'vitest';
import { assertAllowedAddress, forbiddenAddressReason, guardedLookup } from './ssrf-guard.js';

describe('forbiddenAddressReason', () => {
  it('refuses private, loopback, link-local and other special-purpose addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '0.0.0.0', '100.64.0.1', '169.254.169.254', '224.0.0.1', '255.255.255.255',
      '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd12:3456::1', 'fc00::1', 'ff02::1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:a00:1', '::ffff:169.254.169.254', '64:ff9b::a00:1']) {
      expect(forbiddenAddressReason(address), address).not.toBeNull();
    }
  });

  it('lets public addresses through, IPv4-mapped ones included', () => {
    for (const address of ['8.8.8.8', '151.101.1.140', '2a04:4e42::81', '::ffff:8.8.8.8']) expect(forbiddenAddressReason(address), address).toBeNull();
    expect(forbiddenAddressReason('example.com')).toBe('not an IP address');
  });
});

describe('guardedLookup', () => {
  const lookup = (hostname: string, resolve: Record<string, string[]>, allowPrivate = false) => new Promise<unknown>((done) => {
    const guarded = guardedLookup({ allowPrivate, resolve: async (host) => (resolve[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })) });
    guarded(hostname, { all: true }, (error, addresses) => done(error ?? addresses));
  });

  it('refuses a host when any of its addresses is special-purpose, and passes the checked addresses on', async () => {
    expect(await lookup('wire.example', { 'wire.example': ['93.184.216.34'] })).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(String(await lookup('rebind.example', { 'rebind.example': ['93.184.216.34', '127.0.0.1'] }))).toMatch(/refused: rebind\.example is at 127\.0\.0\.1, a loopback address/);
    expect(await lookup('intranet', { intranet: ['10.0.0.7'] }, true)).toEqual([{ address: '10.0.0.7', family: 4 }]);
    expect(String(await lookup('nowhere', {}))).toMatch(/no address/);
  });
});

describe('assertAllowedAddress', () => {
  it('lets an allowed intranet source reach private and loopback addresses, but never link-local (cloud metadata)', () => {
    expect(() => assertAllowedAddress('wire.intranet', '10.1.2.3', { allowPrivate: true })).not.toThrow();
    expect(() => assertAllowedAddress('localhost', '127.0.0.1', { allowPrivate: true })).not.toThrow();
    expect(() => assertAllowedAddress('metadata', '169.254.169.254', { allowPrivate: true })).toThrow(/link-local/);
    expect(() => assertAllowedAddress('metadata6', 'fe80::1', { allowPrivate: true })).toThrow(/link-local/);
    expect(() => assertAllowedAddress('wire.intranet', '10.1.2.3', { allowPrivate: false })).toThrow(/private/);
  });
});
