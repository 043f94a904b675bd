/** @module PageCache: rendered pages kept in memory with their compressed forms, dropped by tag on publish. */
import { createHash } from 'node:crypto';

export interface Page {
  status: number;
  contentType: string;
  body: Buffer;
  etag: string;
  lastModified: Date | null;
  /** Surrogate keys this page depends on: article:slug, section:slug, topic:slug, home, feeds … */
  tags: string[];
  /** Seconds a shared cache may keep it. */
  maxAge: number;
  /** Compressed bodies, made on first request for each encoding. */
  encoded: Map<string, Buffer>;
  /** A story's page: each time it is served to a reader counts as a read of that story (most read). */
  read?: PageRead;
}

/** The story and edition a page view counts for. */
export interface PageRead {
  edition: string;
  articleId: string;
}

export function makePage(input: { status?: number; contentType: string; body: string | Buffer; lastModified?: Date | null; tags?: string[]; maxAge?: number; read?: PageRead }): Page {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  // Weak: one validator for the identity, gzip and br forms of the same page (RFC 9110 §8.8.1).
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return {
    status: input.status ?? 200, contentType: input.contentType, body, etag,
    lastModified: input.lastModified ?? null, tags: input.tags ?? [], maxAge: input.maxAge ?? 60, encoded: new Map(),
    ...(input.read ? { read: input.read } : {}),
  };
}

export interface PageCache {
  get(key: string): Page | null;
  set(key: string, page: Page): void;
  /** Drops every page carrying any of these tags. */
  invalidate(tags: string[]): number;
  clear(): void;
  size(): number;
  /** Caps every entry's lifetime (existing ones too) while invalidations may be missed, e.g. Redis down; null lifts the cap. */
  capTtlMs(cap: number | null): void;
  /**
   * The last time this process heard that what these tags name changed (a tag invalidated, or every page dropped),
   * never earlier than the cache's creation: a list's Last-Modified must move on when a story leaves it, which
   * the stories it still shows cannot tell. Read it before reading what the page shows.
   */
  lastChangeOf(tags: readonly string[]): Date;
}

/** Tags whose change times are kept; past this the record starts over as "everything changed now", which only costs 200s for 304s. */
const MAX_CHANGE_TAGS = 10_000;

export interface PageCacheOptions {
  maxEntries: number;
  /** How long an entry lives, so "Updated 2 sec ago" in cached HTML stays close to true without JS. */
  ttlMs: number;
  nowMs: () => number;
  /** A number that changes when another process wrote to the database; a change drops everything. */
  generation?: () => number;
  /** Read the generation at most this often (ms): it costs a database call, and readers tolerate a few ms. Default 0. */
  generationCheckMs?: number;
  /** Wall-clock milliseconds, for lastChangeOf (Last-Modified is a date). Default Date.now. */
  wallNowMs?: () => number;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const entries = new Map<string, { page: Page; expiresAt: number }>();
  let generation = options.generation?.() ?? 0;
  let checkedAt = -Infinity;
  let ttlCap: number | null = null;
  const wallNowMs = options.wallNowMs ?? Date.now;
  const changedAt = new Map<string, number>();
  let everythingChangedAt = wallNowMs();

  function noteEverythingChanged(): void {
    changedAt.clear();
    everythingChangedAt = wallNowMs();
  }

  function checkGeneration(): void {
    if (!options.generation) return;
    const now = options.nowMs();
    if (now - checkedAt < (options.generationCheckMs ?? 0)) return;
    checkedAt = now;
    const current = options.generation();
    if (current !== generation) {
      generation = current;
      entries.clear();
      noteEverythingChanged();
    }
  }

  return {
    get(key) {
      checkGeneration();
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= options.nowMs()) {
        entries.delete(key);
        return null;
      }
      // Refresh recency: Map keeps insertion order, so the first key is the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.page;
    },
    set(key, page) {
      if (options.maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, { page, expiresAt: options.nowMs() + Math.min(options.ttlMs, ttlCap ?? Infinity) });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    invalidate(tags) {
      const now = wallNowMs();
      for (const tag of tags) changedAt.set(tag, now);
      if (changedAt.size > MAX_CHANGE_TAGS) noteEverythingChanged();
      const wanted = new Set(tags);
      let dropped = 0;
      for (const [key, entry] of entries) {
        if (entry.page.tags.some((t) => wanted.has(t))) {
          entries.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
    clear() {
      entries.clear();
      noteEverythingChanged();
    },
    size() {
      return entries.size;
    },
    capTtlMs(cap) {
      ttlCap = cap;
      if (cap === null) return;
      const latest = options.nowMs() + cap;
      for (const entry of entries.values()) entry.expiresAt = Math.min(entry.expiresAt, latest);
    },
    lastChangeOf(tags) {
      checkGeneration();
      // While invalidations may be missed (capTtlMs), anything may have changed just now.
      if (ttlCap !== null) return new Date(wallNowMs());
      let latest = everythingChangedAt;
      for (const tag of tags) latest = Math.max(latest, changedAt.get(tag) ?? latest);
      return new Date(latest);
    },
  };
}
