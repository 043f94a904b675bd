/**
 * A photo a wire item offers, taken into the media library with one click: fetched through the feeds' SSRF guard
 * (a private address only for a source allowed one), processed as an upload (variants, metadata stripped), with
 * the rendition's caption and credit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import sharp from 'sharp';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const SECRET = 'exif-secret-serial-4711';
let server: Server;
let origin = '';

beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg().withExif({ IFD0: { Copyright: SECRET, Artist: SECRET } }).toBuffer();
  expect(jpeg.includes(SECRET)).toBe(true);
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/photo.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else if (path === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>not a photo</p>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ninjsWithPhoto(uri: string, href: string): string {
  return JSON.stringify({
    uri, version: '1', type: 'text', headline: 'Floods in the valley 🌊', body_html: '<p>Water rose overnight.</p>',
    associations: [{ type: 'picture', headline: 'السيول تغمر الوادي — 洪水', byline: 'Photo: Ana García/AP', renditions: [{ href, mimetype: 'image/jpeg', width: 800, height: 600 }] }],
  });
}

describe('taking a wire photo into the media library', () => {
  let site: TestSite;
  let logged: FastifyInstance;
  let reporter: StaffSession;
  let editor: StaffSession;
  const lines: Record<string, unknown>[] = [];
  const push = new Map<string, (payload: string) => Promise<string>>();

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false });
    // The same site with a log the test reads (sessions inject into site.app at each request).
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(...chunk.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)); done(); } });
    logged = buildApp({ ...site.deps, logger: pino({ level: 'info' }, sink) });
    await logged.ready();
    site.app = logged;
    reporter = await staffSession(site, 'reporter');
    editor = await staffSession(site, 'editor');
    for (const [name, allowPrivate] of [['Intranet Agency', true], ['Public Agency', false]] as const) {
      const added = await site.wire!.sources.add({ name, kind: 'push', allowPrivate });
      if (!added.ok) throw new Error(name);
      push.set(name, async (payload) => (await site.app.inject({
        method: 'POST', url: `/wire/push/${added.value.source.slug}`, payload,
        headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' },
      })).json().itemIds[0] as string);
    }
  });
  afterAll(async () => {
    await logged.close();
    await site.close();
  });

  it('fetches the photo, stores its variants without the agency\'s metadata, with the rendition\'s caption and credit', async () => {
    const id = await push.get('Intranet Agency')!(ninjsWithPhoto('urn:photo:1', `${origin}/photo.jpg`));
    const page = await reporter.get(`/newsroom/wire/${id}`);
    expect(page.body).toContain(`action="/newsroom/wire/${id}/photos/0"`);
    expect(page.body).toContain('Add to the media library');
    const taken = await reporter.post(`/newsroom/wire/${id}/photos/0`, {});
    expect(taken.statusCode).toBe(303);
    expect(taken.headers.location).toBe('/newsroom/media?done=uploaded');
    const library = (await reporter.get('/newsroom/media?q=', { accept: 'application/json' })).json().items as { url: string; caption: string; credit: string; alt: string; width: number }[];
    const photo = library.find((p) => p.caption === 'السيول تغمر الوادي — 洪水')!;
    expect(photo).toMatchObject({ credit: 'Photo: Ana García/AP', alt: 'السيول تغمر الوادي — 洪水', width: 800 });
    const variant = await site.app.inject({ method: 'GET', url: photo.url });
    expect(variant.statusCode).toBe(200);
    expect(variant.rawPayload.includes(SECRET)).toBe(false);
  });

  it('refuses a private address for a source not allowed one, a page that is no photo, and a photo the item does not offer', async () => {
    const publicItem = await push.get('Public Agency')!(ninjsWithPhoto('urn:photo:2', `${origin}/photo.jpg`));
    const refused = await reporter.post(`/newsroom/wire/${publicItem}/photos/0`, {}, { accept: 'application/json' });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.code).toBe('WIRE_PHOTO_UNAVAILABLE');
    // The fetcher's reason names the resolved address: logged with the item id, never answered.
    expect(refused.json().error).toEqual({ code: 'WIRE_PHOTO_UNAVAILABLE', message: 'The agency\'s photo could not be fetched.', details: { itemId: publicItem } });
    expect(refused.body).not.toContain('127.0.0.1');
    expect(lines.find((l) => l.event === 'wire.photo_unavailable' && l.itemId === publicItem)).toMatchObject({ reason: expect.stringMatching(/refused: 127\.0\.0\.1/) });
    const notPhoto = await push.get('Intranet Agency')!(ninjsWithPhoto('urn:photo:3', `${origin}/page.html?x=.jpg`));
    expect((await reporter.post(`/newsroom/wire/${notPhoto}/photos/0`, {}, { accept: 'application/json' })).json().error.code).toBe('MEDIA_NOT_AN_IMAGE');
    const missing = await push.get('Intranet Agency')!(ninjsWithPhoto('urn:photo:4', `${origin}/gone.jpg`));
    expect((await reporter.post(`/newsroom/wire/${missing}/photos/0`, {}, { accept: 'application/json' })).json().error.code).toBe('WIRE_PHOTO_UNAVAILABLE');
    expect((await reporter.post(`/newsroom/wire/${missing}/photos/5`, {}, { accept: 'application/json' })).statusCode).toBe(400);
  });

  it('takes nothing from a spiked item, and its page offers no photo to take', async () => {
    const id = await push.get('Intranet Agency')!(ninjsWithPhoto('urn:photo:5', `${origin}/photo.jpg`));
    expect((await editor.post(`/newsroom/wire/${id}/spike`, {})).statusCode).toBe(303);
    const page = await reporter.get(`/newsroom/wire/${id}`);
    expect(page.body).toContain('السيول تغمر الوادي — 洪水');
    expect(page.body).not.toContain(`action="/newsroom/wire/${id}/photos/0"`);
    const refused = await reporter.post(`/newsroom/wire/${id}/photos/0`, {}, { accept: 'application/json' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WIRE_ITEM_STATUS_CONFLICT');
  });
});
