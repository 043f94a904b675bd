/** @module Disk media storage: variants under <root>/public/, originals under <root>/originals/, never a user-made path. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseMediaKey, type MediaKey, type MediaStorage } from '../../core/media/photo.js';

export interface DiskMediaStorage extends MediaStorage {
  /** Bytes of a public variant, or null if absent. Original keys are refused: originals may carry GPS. */
  read(key: string): Promise<Buffer | null>;
  /** Absolute file path of a public variant, for serving with sendFile; original keys are refused. */
  path(key: string): string;
  /** Bytes of a private original, or null; for reprocessing only, never for a response. */
  readOriginal(key: string): Promise<Buffer | null>;
}

function parseKey(key: string): MediaKey {
  const parsed = parseMediaKey(key);
  if (!parsed) throw new Error(`not a media key: ${JSON.stringify(key.slice(0, 120))}`);
  return parsed;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * Keys are checked against the strict pattern of photo.ts (generated id, one shard separator, known
 * extension) before any path is built, so no `..`, absolute path or user-chosen name reaches the disk.
 * Shard directories stay when emptied: another upload may be renaming into the same one.
 */
export function createDiskMediaStorage(rootDir: string): DiskMediaStorage {
  const root = resolve(rootDir);
  const fileOf = (parsed: MediaKey, key: string): string =>
    join(root, parsed.kind === 'original' ? 'originals' : 'public', key);
  const publicFile = (key: string): string => {
    const parsed = parseKey(key);
    if (parsed.kind !== 'variant') throw new Error('originals are private and never served');
    return fileOf(parsed, key);
  };

  return {
    async write(key, bytes) {
      const parsed = parseKey(key);
      const file = fileOf(parsed, key);
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await mkdir(join(file, '..'), { recursive: true });
      try {
        await writeFile(temp, bytes, { flag: 'wx', mode: parsed.kind === 'original' ? 0o600 : 0o644 });
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
    async remove(key) {
      try {
        await unlink(fileOf(parseKey(key), key));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async read(key) {
      return readOrNull(publicFile(key));
    },
    path: publicFile,
    async readOriginal(key) {
      const parsed = parseKey(key);
      if (parsed.kind !== 'original') throw new Error('not an original key');
      return readOrNull(fileOf(parsed, key));
    },
  };
}
