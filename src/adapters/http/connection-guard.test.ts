import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../test/support/test-site.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { buildApp } from './build-app.js';
import { clientAddressOf, createConnectionCounter, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection-guard.js';

/** Opens a socket to the app from `from` (127.0.0.x are all loopback on Linux), resolving once connected. */
function open(port: number, from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the socket. */
function untilClosed(socket: Socket): Promise<string> {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => { text += chunk; });
  return new Promise((resolve) => socket.once('close', () => resolve(text)));
}

/** Sends a keep-alive GET and resolves with the status line of the answer (the socket stays open). */
function statusOf(socket: Socket, path = '/robots.txt'): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1').split('\r\n')[0] ?? ''));
    socket.once('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: news.test\r\nConnection: keep-alive\r\n\r\n`);
  });
}

async function listening(site: TestSite, limits: Partial<ConnectionLimits>): Promise<{ app: FastifyInstance; port: number }> {
  const app = buildApp(site.deps, { connectionLimits: { ...DEFAULT_CONNECTION_LIMITS, keepAliveTimeoutMs: 60_000, ...limits } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

describe('connection caps and timeouts on a listening app', () => {
  let site: TestSite;
  const sockets: Socket[] = [];
  beforeAll(async () => { site = await createTestSite({ withFixture: false }); });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await site.close();
  });

  it('answers one address over its cap with 503, Retry-After and a close, while another address is served', async () => {
    const { app, port } = await listening(site, { maxConnectionsPerAddress: 3 });
    try {
      const held = await Promise.all([1, 2, 3].map(() => open(port, '127.0.0.1')));
      sockets.push(...held);
      for (const socket of held) expect(await statusOf(socket)).toBe('HTTP/1.1 200 OK');

      const over = await open(port, '127.0.0.1');
      const answer = await untilClosed(over);
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/\r\nRetry-After: 5\r\n/i);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);

      const other = await open(port, '127.0.0.2');
      sockets.push(other);
      expect(await statusOf(other)).toBe('HTTP/1.1 200 OK');

      // A closed connection frees its place for the same address, once the server has seen it close.
      held[0]!.destroy();
      const connections = () => new Promise<number>((resolve) => app.server.getConnections((_e, n) => resolve(n)));
      await waitUntil(async () => (await connections()) === 3, 'the server to see the closed socket');
      const again = await open(port, '127.0.0.1');
      sockets.push(again);
      expect(await statusOf(again)).toBe('HTTP/1.1 200 OK');
    } finally {
      for (const socket of sockets.splice(0)) socket.destroy();
      await app.close();
    }
  });

  it('refuses any address once the total cap is reached', async () => {
    const { app, port } = await listening(site, { maxConnections: 2 });
    try {
      const held = [await open(port, '127.0.0.3'), await open(port, '127.0.0.4')];
      sockets.push(...held);
      for (const socket of held) expect(await statusOf(socket)).toBe('HTTP/1.1 200 OK');
      expect(await untilClosed(await open(port, '127.0.0.5'))).toMatch(/^HTTP\/1\.1 503 [^]*Retry-After: 5/i);
    } finally {
      for (const socket of sockets.splice(0)) socket.destroy();
      await app.close();
    }
  });

  it('closes a socket whose headers never finish once the header timeout has passed', async () => {
    const { app, port } = await listening(site, { headersTimeoutMs: 100, requestTimeoutMs: 200 });
    try {
      const slow = await open(port, '127.0.0.1');
      sockets.push(slow);
      const closed = untilClosed(slow);
      slow.write('GET / HTTP/1.1\r\nHost: news.test\r\nX-Slow: ');
      const answer = await closed;
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      for (const socket of sockets.splice(0)) socket.destroy();
      await app.close();
    }
  });

  it('closes a socket whose body never finishes once the request timeout has passed', async () => {
    const { app, port } = await listening(site, { headersTimeoutMs: 100, requestTimeoutMs: 200 });
    try {
      const slow = await open(port, '127.0.0.1');
      sockets.push(slow);
      const closed = untilClosed(slow);
      slow.write('POST /newsroom/login HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=');
      expect(await closed).not.toMatch(/^HTTP\/1\.1 [23]/);
    } finally {
      for (const socket of sockets.splice(0)) socket.destroy();
      await app.close();
    }
  });
});

describe('the connection counter', () => {
  it('counts per address and in all, and gives a place back on release', () => {
    const counter = createConnectionCounter({ maxConnections: 3, maxConnectionsPerAddress: 2 });
    expect([counter.admit('a'), counter.admit('a'), counter.admit('a')]).toEqual(['ok', 'ok', 'address']);
    expect([counter.admit('b'), counter.admit('c')]).toEqual(['ok', 'total']);
    counter.release('a');
    expect(counter.fromAddress('a')).toBe(1);
    expect(counter.admit('c')).toBe('ok');
    expect(counter.open()).toBe(3);
  });

  it('treats 0 as no cap', () => {
    const counter = createConnectionCounter({ maxConnections: 0, maxConnectionsPerAddress: 0 });
    for (let i = 0; i < 1000; i++) expect(counter.admit('a')).toBe('ok');
  });

  it('names an IPv4 client the same over IPv4 and IPv6 sockets', () => {
    expect(clientAddressOf({ remoteAddress: '::ffff:203.0.113.9' })).toBe('203.0.113.9');
    expect(clientAddressOf({ remoteAddress: '2001:db8::1' })).toBe('2001:db8::1');
  });
});
