/**
 * @module A client that resets its connection in the middle of a POST body is a client that left, logged at debug
 * level as `http.client_aborted`: never `database.unavailable`, never a 503 counted against the database (issue 13).
 * Real sockets against a listening app on SQLite, in the newsroom and on the wire push endpoint.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { waitUntil } from '../support/wait-until.js';

/** pino's numeric levels. */
const DEBUG = 20;
const WARN = 40;

interface LogLine { event?: string; level?: number; code?: string | null; path?: string }

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends the headers and half the announced body, then resets the connection (RST, as a crashed client would). */
async function resetMidBody(port: number, path: string, headers: Record<string, string>): Promise<void> {
  const socket = await open(port);
  socket.on('error', () => undefined);
  const head = Object.entries({ host: 'news.test', 'content-length': '4000', ...headers }).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  await new Promise<void>((resolve) => socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n\r\n${'a'.repeat(2000)}`, () => resolve()));
  socket.resetAndDestroy();
}

describe('a client resetting its connection mid-body', () => {
  let site: TestSite;
  let app: FastifyInstance;
  let port = 0;
  let token = '';
  let pushPath = '';
  const lines: LogLine[] = [];
  const events = () => lines.map((l) => l.event);

  beforeAll(async () => {
    site = await createTestSite({ withFixture: false, newsroom: true });
    const added = await site.wire!.sources.add({ name: 'Agence Ωmega 通信社', kind: 'push' });
    if (!added.ok) throw new Error(added.reason);
    token = added.value.pushToken!;
    pushPath = `/wire/push/${encodeURIComponent(added.value.source.slug)}`;
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(...chunk.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as LogLine)); done(); } });
    app = buildApp({ ...site.deps, logger: pino({ level: 'debug' }, sink) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await site.close();
  });

  it('on a newsroom form is logged as a client abort at debug level, not as the database being unavailable', async () => {
    const before = lines.length;
    await resetMidBody(port, '/newsroom/login', { 'content-type': 'application/x-www-form-urlencoded' });
    await waitUntil(() => lines.slice(before).some((l) => l.event === 'http.client_aborted'), 'the abort to be logged');
    const abort = lines.slice(before).find((l) => l.event === 'http.client_aborted')!;
    expect(abort.level).toBe(DEBUG);
    expect(abort.path).toBe('/newsroom/login');
    expect(events()).not.toContain('database.unavailable');
    expect(lines.filter((l) => (l.level ?? 0) >= WARN)).toEqual([]);
  });

  it('on a wire push is the same: no database.unavailable, no wire.push_failed', async () => {
    const before = lines.length;
    await resetMidBody(port, pushPath, { 'content-type': 'application/json', authorization: `Bearer ${token}` });
    await waitUntil(() => lines.slice(before).some((l) => l.event === 'http.client_aborted'), 'the abort to be logged');
    expect(events()).not.toContain('database.unavailable');
    expect(events()).not.toContain('wire.push_failed');
  });

  it('still serves the next client', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/robots.txt`);
    expect(res.status).toBe(200);
  });
});
