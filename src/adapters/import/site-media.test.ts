/** @module Tests for the import's photo sources: the upload folder (never outside it) and the SSRF-guarded fetch. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardedFetch, uploadsFolder } from './site-media.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('uploadsFolder', () => {
  mkdirSync(join(dir, 'uploads', '2024', '01'), { recursive: true });
  writeFileSync(join(dir, 'uploads', '2024', '01', 'صورة.jpg'), 'photo');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const read = uploadsFolder(join(dir, 'uploads'));

  it('reads an upload address as a file under the folder, percent-encoded Unicode names too', async () => {
    const bytes = await read(`https://example.com/wp-content/uploads/2024/01/${encodeURIComponent('صورة')}.jpg`);
    expect(Buffer.from(bytes!).toString()).toBe('photo');
    expect(await read('https://example.com/content/images/2024/01/missing.jpg')).toBeNull();
  });

  it('never reads outside the folder', async () => {
    for (const url of ['https://example.com/wp-content/uploads/%2e%2e/secret.txt', 'https://example.com/wp-content/uploads/..%2fsecret.txt', 'https://example.com/secret.txt', 'not a url']) {
      expect(await read(url), url).toBeNull();
    }
  });
});

describe('guardedFetch', () => {
  it('refuses a loopback server that answers (the SSRF guard of the wire); allowed, the same server is read', async () => {
    const server = createServer((_req, res) => res.end('photo bytes'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/wp-content/uploads/a.jpg`;
      expect(await guardedFetch()(url)).toBeNull();
      expect(Buffer.from((await guardedFetch({ allowPrivate: true })(url))!).toString()).toBe('photo bytes');
      expect(await guardedFetch({ allowPrivate: true })('http://169.254.169.254/latest/meta-data/')).toBeNull();
    } finally {
      server.close();
    }
  });
});
