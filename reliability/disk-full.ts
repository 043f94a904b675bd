/**
 * Row (c): the data folder (SQLite database and media) on a 30 MB tmpfs, filled to the last byte while Dateline
 * runs; then a wire push, a photo upload, "New story" and a story save are tried and their answers recorded; reads
 * are checked, the filler removed, and the same push tried again. Needs root (mount); skipped with the reason otherwise.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { freePort } from '../test/support/free-port.js';
import { ninjsDocument, prepareSite, staffCookie, startServer, type Row, type ScenarioContext } from './support.js';

const TMPFS_MB = 30;

/** Writes zeros until the file system says ENOSPC: 1 MB at a time, then 4 KB, so not a block is left. */
function fill(path: string): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 4096, 512]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** "503 DISK_FULL: Nothing was stored …" from a JSON error, or the status and the start of an HTML page's error. */
async function describe(res: Response): Promise<string> {
  const text = await res.text();
  if (res.status < 300) return `${res.status} ok`;
  if (res.status < 400) return `${res.status} → ${res.headers.get('location') ?? ''}`;
  const retry = res.headers.get('retry-after');
  let detail: string;
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    detail = error ? `${error.code}: ${error.message}` : text.slice(0, 80);
  } catch {
    detail = /class="(?:field-error|flash[^"]*|error[^"]*)"[^>]*>([^<]{1,160})/.exec(text)?.[1] ?? /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? text.slice(0, 80);
  }
  return `${res.status}${retry ? ` (Retry-After ${retry})` : ''} ${detail.replace(/\s+/g, ' ').trim().slice(0, 150)}`;
}

export async function diskFull(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(c) disk full (tmpfs)';
  if (process.getuid?.() !== 0) return [{ scenario, figure: 'skipped', value: '-', note: 'needs root to mount a tmpfs' }];
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return [{ scenario, figure: 'skipped', value: '-', note: `cannot mount a tmpfs: ${(error as Error).message.split('\n')[0]}` }];
  }
  try {
    const path = join(dir, 'dateline.db');
    const site = { ...context.serverEnv, DATABASE_URL: `sqlite:${path}`, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') };
    const push = prepareSite(site);
    const server = await startServer('disk-full', await freePort(), site);
    const { cookie, csrf } = await staffCookie(server.origin);
    const form = (body: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...body }) });
    const created = await fetch(`${server.origin}/newsroom/stories`, form({ headline: 'Saved on a full disk', section: 'world' }));
    const storyId = /stories\/([\w-]+)\/edit/.exec(created.headers.get('location') ?? '')?.[1] ?? 'none';
    // Made before the disk fills: a 2 MB photo (noise does not compress) to upload once it is full.
    const photo = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 95 }).toBuffer();
    const filled = fill(join(dir, 'filler'));
    // Large enough that no free page of the database or its WAL can take them.
    const bigText = 'نص طويل Long text 長い文章 '.repeat(700);
    const pushDoc = (guid: string) => JSON.stringify({ ...JSON.parse(ninjsDocument(guid)), body_text: bigText.repeat(20) });
    const pushOnce = (guid: string) => fetch(`${server.origin}/wire/push/${push.slug}`, { method: 'POST', headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/json' }, body: pushDoc(guid) });
    const upload = new FormData();
    upload.set('_csrf', csrf);
    upload.set('caption', 'صورة على قرص ممتلئ');
    upload.set('alt', 'Noise, 写真 على قرص ممتلئ');
    upload.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'full.jpg');
    const version = /name="version" value="(\d+)"/.exec(await (await fetch(`${server.origin}/newsroom/stories/${storyId}/edit`, { headers: { cookie } })).text())?.[1] ?? '1';
    const attempts: [string, () => Promise<Response>][] = [
      ['wire push (ninjs, 1 MB)', () => pushOnce('full-1')],
      ['photo upload (2 MB JPEG)', () => fetch(`${server.origin}/newsroom/media`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: upload })],
      ['"New story"', () => fetch(`${server.origin}/newsroom/stories`, form({ headline: 'New story on a full disk', section: 'world' }))],
      ['story save (1 MB body)', () => fetch(`${server.origin}/newsroom/stories/${storyId}`, form({
        action: 'save', version, headline: 'Saved on a full disk', section: 'world', body: JSON.stringify(Array.from({ length: 60 }, () => ({ type: 'paragraph', text: bigText.slice(0, 19_000) }))),
      }))],
      ['reader home page (a read)', () => fetch(`${server.origin}/`)],
    ];
    const rows: Row[] = [{ scenario, figure: 'disk filled', value: `${TMPFS_MB} MB tmpfs`, note: `filler ${(filled / 2 ** 20).toFixed(1)} MB; data folder, database and media on it` }];
    for (const [figure, attempt] of attempts) {
      const answer = await attempt().then(describe, (error: Error) => `no answer ${error.message}`);
      rows.push({ scenario, figure: `${figure} when full`, value: answer.split(' ')[0]!, note: answer.slice(answer.indexOf(' ') + 1) });
    }
    rmSync(join(dir, 'filler'));
    const after = await pushOnce('after-1');
    const afterAnswer = await describe(after);
    rows.push({ scenario, figure: 'wire push after space is freed', value: String(after.status), note: afterAnswer.slice(afterAnswer.indexOf(' ') + 1) });
    rows.push({ scenario, figure: 'server still up', value: server.isRunning() ? 'yes' : 'no', note: '' });
    await server.stop('SIGTERM');
    const db = new Database(path, { readonly: true });
    rows.push({ scenario, figure: 'integrity_check after', value: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '), note: '' });
    db.close();
    return rows;
  } finally {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}
