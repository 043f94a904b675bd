import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { hstsValue } from '../../src/adapters/http/security-headers.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

const YEAR = { maxAge: 31_536_000, includeSubDomains: false };

let site: TestSite;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await site.close();
});

async function appWith(options: Parameters<typeof buildApp>[1]): Promise<FastifyInstance> {
  const app = buildApp(site.deps, options);
  apps.push(app);
  await app.ready();
  return app;
}

describe('Strict-Transport-Security', () => {
  it('is sent when a trusted proxy says the request came over https, never over plain http', async () => {
    const app = await appWith({ trustProxy: '127.0.0.1', hsts: YEAR });
    const tls = await app.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await app.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect((await app.inject({ url: '/latest' })).headers['strict-transport-security']).toBeUndefined();
    // Error pages too.
    expect((await app.inject({ url: '/no-such-page', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const untrustedPeer = await appWith({ trustProxy: '10.0.0.1', hsts: YEAR });
    expect((await untrustedPeer.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    const noProxy = await appWith({ hsts: YEAR });
    expect((await noProxy.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    // The last entry is the one the nearest (trusted) proxy appended.
    const anyProxy = await appWith({ trustProxy: true, hsts: YEAR });
    expect((await anyProxy.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https, http' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('is off with max-age 0 and carries includeSubDomains when asked', async () => {
    expect(hstsValue({ maxAge: 0, includeSubDomains: true })).toBeNull();
    const off = await appWith({ trustProxy: true, hsts: { maxAge: 0, includeSubDomains: false } });
    expect((await off.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    const sub = await appWith({ trustProxy: true, hsts: { maxAge: 600, includeSubDomains: true } });
    expect((await sub.inject({ url: '/latest', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBe('max-age=600; includeSubDomains');
  });

  it('is decided per request on cache hits: a page cached from https never replays it on http, nor the reverse', async () => {
    const app = await appWith({ trustProxy: '127.0.0.1', hsts: YEAR });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const [first, second] of [['https', 'http'], ['http', 'https']] as const) {
      site.deps.pageCache.clear();
      const miss = await fetch(`${origin}/section/world`, { headers: { 'x-forwarded-proto': first } });
      expect(site.deps.pageCache.get('/section/world')).not.toBeNull();
      const hit = await fetch(`${origin}/section/world`, { headers: { 'x-forwarded-proto': second } });
      const again = await fetch(`${origin}/section/world`, { headers: { 'x-forwarded-proto': first } });
      const expected = (proto: string) => (proto === 'https' ? 'max-age=31536000' : null);
      expect(miss.headers.get('strict-transport-security')).toBe(expected(first));
      expect(hit.headers.get('strict-transport-security')).toBe(expected(second));
      expect(again.headers.get('strict-transport-security')).toBe(expected(first));
      // A 304 from the fast path follows the same rule.
      const etag = miss.headers.get('etag')!;
      const notModified = await fetch(`${origin}/section/world`, { headers: { 'x-forwarded-proto': 'https', 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });
});

describe('HSTS settings', () => {
  it('defaults to one year without subdomains; HSTS_MAX_AGE=0 turns it off', () => {
    expect(loadConfig({})).toMatchObject({ hstsMaxAge: 31_536_000, hstsIncludeSubDomains: false });
    expect(loadConfig({ HSTS_MAX_AGE: '0', HSTS_INCLUDE_SUBDOMAINS: 'on' })).toMatchObject({ hstsMaxAge: 0, hstsIncludeSubDomains: true });
    expect(() => loadConfig({ HSTS_MAX_AGE: '-1' })).toThrow(/HSTS_MAX_AGE/);
    expect(() => loadConfig({ HSTS_MAX_AGE: 'a year' })).toThrow(/HSTS_MAX_AGE/);
  });
});
