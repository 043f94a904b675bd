/**
 * @module An export's photos into the media library: featured images and body images read from the site's upload
 * folder (`--media DIR`, e.g. a copy of wp-content/uploads) or fetched through the SSRF guard (`--fetch-media`),
 * uploaded once each (remembered by their old address), and the posts pointed at the library's variants.
 * A photo that cannot be had stays at its old address and is counted.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { BodyBlock, LeadImage } from '../../core/articles/article.js';
import type { MediaLibrary } from '../../core/media/media-library.js';
import { pickFallback, type Photo } from '../../core/media/photo.js';
import type { SiteExportRecord, SitePost } from '../../core/site-import/site-post.js';
import { fetchFeed } from '../wire/feed-fetcher.js';
import type { GuardOptions } from '../wire/ssrf-guard.js';

/** Where the bytes of an old photo address come from; null when there are none. */
export type MediaBytes = (url: string) => Promise<Uint8Array | null>;

/** Upload folders of the platforms: WordPress `wp-content/uploads/`, Ghost `content/images/`. */
const UPLOAD_PATH = /\/(?:wp-content\/uploads|content\/images)\/(.+)$/;
const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

/** Reads `…/wp-content/uploads/2024/01/a.jpg` as DIR/2024/01/a.jpg; nothing outside DIR is ever read. */
export function uploadsFolder(dir: string): MediaBytes {
  const root = resolve(dir);
  return async (url) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      return null;
    }
    const rest = UPLOAD_PATH.exec(path)?.[1];
    if (!rest) return null;
    const file = resolve(root, rest);
    if (!file.startsWith(root + sep)) return null;
    return readFile(file).then((b) => new Uint8Array(b), () => null);
  };
}

/** Fetches over http(s) through the wire's SSRF guard (no private, loopback or link-local address), size-limited. */
export function guardedFetch(options: GuardOptions = { allowPrivate: false }): MediaBytes {
  return async (url) => {
    const result = await fetchFeed(url, { ...options, maxBytes: MAX_PHOTO_BYTES, userAgent: 'Dateline site import' });
    return result.status === 'ok' ? result.bytes : null;
  };
}

export interface SiteMediaDeps {
  library: MediaLibrary;
  bytes: MediaBytes;
  known: { find(url: string): Promise<string | null>; save(url: string, mediaId: string, at: Date): Promise<void> };
  now: () => Date;
}

/** Posts with their photos in the library; every other record passes unchanged. */
export async function* withLibraryMedia(records: AsyncIterable<SiteExportRecord>, deps: SiteMediaDeps): AsyncGenerator<SiteExportRecord> {
  const photoOf = async (url: string, alt: string, caption: string): Promise<Photo | null> => {
    const known = await deps.known.find(url);
    if (known) return deps.library.find(known);
    const bytes = await deps.bytes(url);
    if (!bytes) return null;
    try {
      const photo = await deps.library.upload(bytes, { alt, caption, credit: '' }, null);
      await deps.known.save(url, photo.id, deps.now());
      return photo;
    } catch {
      // Not a photo the library takes (format, size, pixels): it stays at its old address.
      return null;
    }
  };
  for await (const record of records) {
    if (record.kind === 'lead') {
      const photo = await photoOf(record.lead.url ?? '', record.lead.alt || record.lead.caption || record.title, record.lead.caption);
      if (photo) yield { ...record, lead: leadOf(photo, record.lead, deps.library), leadMediaId: photo.id };
      else yield* [record, { kind: 'skipped', what: 'media', count: 1 } as const];
      continue;
    }
    if (record.kind !== 'post') {
      yield record;
      continue;
    }
    let missing = 0;
    const post: SitePost = { ...record.post };
    if (post.lead?.url) {
      const photo = await photoOf(post.lead.url, post.lead.alt || post.lead.caption || post.title, post.lead.caption);
      if (photo) {
        post.lead = leadOf(photo, post.lead, deps.library);
        post.leadMediaId = photo.id;
      } else missing++;
    }
    const body: BodyBlock[] = [];
    for (const block of post.body) {
      if (block.type !== 'image' || block.mediaId) {
        body.push(block);
        continue;
      }
      const photo = await photoOf(block.url, block.alt || block.caption || post.title, block.caption);
      if (photo) body.push({ ...block, mediaId: photo.id, url: deps.library.urlOf(pickFallback(photo).key), width: photo.width, height: photo.height });
      else {
        missing++;
        body.push(block);
      }
    }
    post.body = body;
    yield { kind: 'post', post };
    if (missing > 0) yield { kind: 'skipped', what: 'media', count: missing };
  }
}

function leadOf(photo: Photo, lead: LeadImage, library: MediaLibrary): LeadImage {
  return { url: library.urlOf(pickFallback(photo).key), caption: lead.caption, credit: lead.credit, alt: lead.alt || lead.caption, width: photo.width, height: photo.height };
}
