/**
 * Row (e): 5,000 readers on `GET /live` (Server-Sent Events) at once, then an editor publishes a story: how many
 * streams the server held, and how many received the `event: story` within 10 s. The readers come from 50 loopback
 * addresses (127.0.1.1–127.0.1.50, 100 each), as readers do, so the per-address cap (256 by default) is not what is
 * measured; the total cap (10,000) and /live's own cap (5,000) are.
 */
import { request, type ClientRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInNewsroom } from '../test/support/dateline-cluster.js';
import { freePort } from '../test/support/free-port.js';
import { log, ms, pct, percentile, prepareSite, sleep, STAFF, startServer, stopServer, type Row, type ScenarioContext } from './support.js';

const ADDRESSES = 50;

interface Reader { connected: boolean; status: number; receivedAt: number | null; request: ClientRequest }

function openReader(origin: string, localAddress: string, token: string): Reader {
  const reader: Reader = { connected: false, status: 0, receivedAt: null, request: undefined as unknown as ClientRequest };
  let buffered = '';
  reader.request = request(`${origin}/live`, { localAddress, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
    reader.status = res.statusCode ?? 0;
    reader.connected = res.statusCode === 200;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (reader.receivedAt !== null) return;
      buffered = (buffered + chunk).slice(-4096);
      if (buffered.includes('event: story') && buffered.includes(token)) reader.receivedAt = performance.now();
    });
    res.on('error', () => undefined);
  });
  reader.request.on('error', () => {
    reader.connected = false;
  });
  reader.request.end();
  return reader;
}

export async function sseClients(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(e) SSE readers on /live';
  const count = context.quick ? 500 : 5_000;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-sse-'));
  const readers: Reader[] = [];
  try {
    const site = { ...context.serverEnv, DATABASE_URL: `sqlite:${join(dir, 'dateline.db')}`, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') };
    prepareSite(site);
    const server = await startServer('sse', await freePort(), site);
    const editor = await signInNewsroom(server.origin, STAFF.email, STAFF.password);
    // In the headline, so each reader knows the frame of this story (the slug is made at publish).
    const token = `live-${Math.random().toString(36).slice(2, 10)}`;
    log(`  (e) ${count} readers on /live from ${ADDRESSES} addresses`);
    for (let i = 0; i < count; i++) {
      readers.push(openReader(server.origin, `127.0.1.${1 + (i % ADDRESSES)}`, token));
      if (i % 250 === 249) await sleep(50);
    }
    for (let i = 0; i < 200 && readers.filter((r) => r.status !== 0).length < count; i++) await sleep(100);
    const connected = readers.filter((r) => r.connected).length;
    const refused = new Map<number, number>();
    for (const r of readers.filter((x) => x.status !== 0 && !x.connected)) refused.set(r.status, (refused.get(r.status) ?? 0) + 1);
    const headline = `Live to ${count} readers ${token} — مباشر ライブ`;
    const id = await editor.createArticle(server.origin, headline);
    const publishedAt = performance.now();
    await editor.act(server.origin, id, 'publish', { headline });
    for (let i = 0; i < 100 && readers.filter((r) => r.receivedAt !== null).length < connected; i++) await sleep(100);
    const received = readers.filter((r) => r.receivedAt !== null);
    const delays = received.map((r) => r.receivedAt! - publishedAt);
    const probe = await fetch(`${server.origin}/`).then((res) => res.status, () => 0);
    for (const r of readers) r.request.destroy();
    await stopServer(server);
    return [
      { scenario, figure: 'streams held', value: `${connected.toLocaleString('en-US')} of ${count.toLocaleString('en-US')}`, note: `${refused.size ? `refused: ${[...refused].map(([s, n]) => `${s} ×${n}`).join(', ')}; ` : ''}from ${ADDRESSES} addresses; GET / meanwhile: ${probe}` },
      { scenario, figure: 'readers that received the published story', value: pct(received.length, connected), note: `${received.length} within 10 s; delay p50 ${ms(percentile(delays, 50))}, p99 ${ms(percentile(delays, 99))} from the Publish request` },
    ];
  } finally {
    for (const r of readers) r.request.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
