/** Uploads through HTTP: good photos become variants with a library row; bad ones get a clear status and leave nothing behind. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer } | null) {
  const boundary = '----dateline' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('media uploads over HTTP', () => {
  let site: TestSite;
  let reporter: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    reporter = await staffSession(site, 'reporter');
  });
  afterAll(() => site.close());

  const upload = (fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer } | null) => {
    const { payload, contentType } = multipart({ _csrf: reporter.csrf, ...fields }, file);
    return site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { cookie: reporter.cookie, 'content-type': contentType, accept: 'application/json' }, payload });
  };

  it('stores a JPEG as responsive variants, serves them, and finds it in the library', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
    const res = await upload({ caption: 'Harbour at dusk', credit: 'Jane Doe/AFP', alt: 'Boats in a harbour' }, { name: 'x.jpg', type: 'image/jpeg', bytes: jpeg });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ caption: 'Harbour at dusk', credit: 'Jane Doe/AFP', width: 1200, height: 800 });
    const variant = await site.app.inject({ method: 'GET', url: item.url });
    expect(variant.statusCode).toBe(200);
    expect(variant.headers['content-type']).toBe('image/jpeg');
    expect(variant.headers['cache-control']).toContain('immutable');
    const found = await reporter.get('/newsroom/media?q=harbour', { accept: 'application/json' });
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('refuses a text file named .jpg, a GIF, an oversized file and a decompression bomb, leaving no file or row', async () => {
    const before = filesIn(site.mediaDir!).length;
    const rowsBefore = (await site.storage.media.search({ limit: 100 })).length;
    const text = await upload({ alt: 'x' }, { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('this is not an image at all') });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('MEDIA_NOT_AN_IMAGE');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    const gifRes = await upload({ alt: 'x' }, { name: 'a.gif', type: 'image/gif', bytes: gif });
    expect(gifRes.statusCode).toBe(415);
    expect(gifRes.json().error.message).toContain('JPEG, PNG, WebP or AVIF');
    const big = await upload({ alt: 'x' }, { name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(6 * 1_048_576, 1) });
    expect(big.statusCode).toBe(413);
    const bomb = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    const bombRes = await upload({ alt: 'x' }, { name: 'bomb.png', type: 'image/png', bytes: bomb });
    expect(bombRes.statusCode).toBe(413);
    expect(bombRes.json().error.code).toBe('MEDIA_TOO_MANY_PIXELS');
    expect(filesIn(site.mediaDir!).filter((f) => !f.endsWith('.tmp')).length).toBe(before);
    expect((await site.storage.media.search({ limit: 100 })).length).toBe(rowsBefore);
  });

  it('requires alt text and the CSRF token', async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 4, background: '#0f0' } }).png().toBuffer();
    const noAlt = await upload({ caption: 'x' }, { name: 'a.png', type: 'image/png', bytes: png });
    expect(noAlt.statusCode).toBe(400);
    const { payload, contentType } = multipart({ alt: 'x' }, { name: 'a.png', type: 'image/png', bytes: png });
    const noToken = await site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { cookie: reporter.cookie, 'content-type': contentType, accept: 'application/json' }, payload });
    expect(noToken.statusCode).toBe(403);
  });

  it('never serves an original or a path outside the media folder', async () => {
    expect((await site.app.inject({ method: 'GET', url: '/media/ab/abcdef12-original.jpg' })).statusCode).toBe(404);
    expect([400, 404]).toContain((await site.app.inject({ method: 'GET', url: '/media/..%2F..%2Fetc/passwd' })).statusCode);
  });
});
