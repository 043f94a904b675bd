/** Both purgers against a local HTTP server standing in for Varnish and for a CDN's purge webhook. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EdgePurgeError } from './edge-purger.js';
import { createVarnishPurger } from './varnish-purger.js';
import { createWebhookPurger } from './webhook-purger.js';

interface Received { method: string; url: string; headers: IncomingHttpHeaders; body: string }

let server: Server;
let origin: string;
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'Invalidated 2 objects' : 'Forbidden');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  answer = 200;
});

describe('Varnish purger', () => {
  it('sends PURGE with the keys space-separated in xkey-purge', async () => {
    await createVarnishPurger(`${origin}/`).purge(['article:seoul-crash', 'section:world', 'home']);
    expect(received).toEqual([expect.objectContaining({ method: 'PURGE', url: '/', body: '' })]);
    expect(received[0]?.headers['xkey-purge']).toBe('article:seoul-crash section:world home');
  });

  it('rejects with the status when Varnish refuses (not in the purgers ACL)', async () => {
    answer = 403;
    const failure = await createVarnishPurger(`${origin}/`).purge(['home']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EdgePurgeError);
    expect((failure as EdgePurgeError).status).toBe(403);
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = await createVarnishPurger(`http://127.0.0.1:${port}/`).purge(['home']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EdgePurgeError);
    expect((failure as EdgePurgeError).status).toBeNull();
  });
});

describe('webhook purger', () => {
  it('POSTs the keys as JSON with the bearer token', async () => {
    await createWebhookPurger(`${origin}/purge`, { token: 's3cret' }).purge(['feeds', 'topic:kim-jong-un']);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/purge' });
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(received[0]?.headers['authorization']).toBe('Bearer s3cret');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ keys: ['feeds', 'topic:kim-jong-un'] });
  });

  it('logs its target without credentials, sends them as Basic auth, and rejects a 5xx', async () => {
    const purger = createWebhookPurger(`http://user:pw@127.0.0.1:${new URL(origin).port}/purge?zone=1`);
    expect(purger.target).toBe(`${origin}/purge`);
    await purger.purge(['home']);
    expect(received[0]).toMatchObject({ url: '/purge?zone=1', headers: { authorization: `Basic ${Buffer.from('user:pw').toString('base64')}` } });
    answer = 503;
    await expect(purger.purge(['home'])).rejects.toThrow(/HTTP 503/);
  });
});
