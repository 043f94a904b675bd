/** @module Tests for the disk media storage: where files land, atomic writes, and keys that must never become paths. */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskMediaStorage, type DiskMediaStorage } from './disk-media-storage.js';

const ID = '3f2a1b4c-9d8e-4f00-8a1b-2c3d4e5f6a7b';
const VARIANT = `3f/${ID}-640.webp`;
const ORIGINAL = `3f/${ID}-original.jpg`;

let root: string;
let storage: DiskMediaStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-media-'));
  storage = createDiskMediaStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createDiskMediaStorage', () => {
  it('writes variants under public/ and originals, private, under originals/', async () => {
    await storage.write(VARIANT, Buffer.from('variant'));
    await storage.write(ORIGINAL, Buffer.from('original'));
    expect(storage.path(VARIANT)).toBe(join(root, 'public', VARIANT));
    expect(await readdir(join(root, 'public', '3f'))).toEqual([`${ID}-640.webp`]);
    expect(await readdir(join(root, 'originals', '3f'))).toEqual([`${ID}-original.jpg`]);
    expect((await stat(join(root, 'originals', ORIGINAL))).mode & 0o777).toBe(0o600);
    expect((await storage.read(VARIANT))?.toString()).toBe('variant');
    expect((await storage.readOriginal(ORIGINAL))?.toString()).toBe('original');
  });

  it('never serves an original through read or path', async () => {
    await storage.write(ORIGINAL, Buffer.from('gps inside'));
    await expect(storage.read(ORIGINAL)).rejects.toThrow(/private/);
    expect(() => storage.path(ORIGINAL)).toThrow(/private/);
    await expect(storage.readOriginal(VARIANT)).rejects.toThrow();
  });

  it('answers null for a missing file and removes idempotently', async () => {
    expect(await storage.read(VARIANT)).toBeNull();
    await storage.write(VARIANT, Buffer.from('x'));
    await storage.remove(VARIANT);
    await storage.remove(VARIANT);
    expect(await storage.read(VARIANT)).toBeNull();
  });

  it('leaves no temp file when the rename fails', async () => {
    await mkdir(join(root, 'public', VARIANT), { recursive: true });
    await expect(storage.write(VARIANT, Buffer.from('x'))).rejects.toThrow();
    expect(await readdir(join(root, 'public', '3f'))).toEqual([`${ID}-640.webp`]);
  });

  it.each(['../escape', `3f/../../${ID}-640.webp`, `/tmp/${ID}-640.webp`, `3f/sub/${ID}-640.webp`, `ab/${ID}-640.webp`, 'photo.jpg', `3f/${ID}-640.exe`])(
    'refuses the key %j before touching the disk',
    async (key) => {
      await expect(storage.write(key, Buffer.from('x'))).rejects.toThrow(/not a media key/);
      await expect(storage.remove(key)).rejects.toThrow(/not a media key/);
      expect(() => storage.path(key)).toThrow(/not a media key/);
      expect(await readdir(root)).toEqual([]);
    },
  );
});
