import { describe, expect, it } from 'vitest';
import type { PhotoMeta } from '../media/media-library.js';
import type { Photo } from '../media/photo.js';
import { isDomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { createWirePhotoImport } from './wire-photo-import.js';
import type { WireItem } from './wire-item.js';
import type { StoredWireItem } from './wire-store.js';
import type { WireSource } from './wire-source.js';

const NOW = new Date('2025-01-17T12:00:00Z');
const ACTOR = { id: 'u1', role: 'reporter' } as StaffUser;

function stored(photos: WireItem['photos'], sourceId: string | null, status: StoredWireItem['status'] = 'new'): StoredWireItem {
  const item = {
    format: 'ninjs', agency: 'وام', agencyId: 'urn:wam:1', version: 1, headline: 'افتتاح المعرض 🎨', slugline: null, dateline: null, byline: null, creditline: null,
    language: 'ar', summary: null, body: [], subjects: [], urgency: null, firstCreated: null, versionCreated: null, link: null, photos,
  } as WireItem;
  return { item, id: 'w1', clusterId: 'w1', signature: new Uint32Array(0), status, usedArticleId: null, topics: null, sourceId, contentHash: 'h', receivedAt: NOW };
}

function importer(item: StoredWireItem, allowPrivate: boolean) {
  const asked: { href: string; allowPrivate: boolean }[] = [];
  const uploads: PhotoMeta[] = [];
  const photos = createWirePhotoImport({
    items: { find: async (id) => (id === item.id ? item : null), findSource: async (id) => ({ id, allowPrivate } as WireSource) },
    fetchPhoto: async (href, options) => {
      asked.push({ href, ...options });
      return href.endsWith('.jpg') ? { ok: true, bytes: new Uint8Array([1]) } : { ok: false, error: 'HTTP 404' };
    },
  });
  const library = { upload: async (_bytes: Uint8Array, meta: PhotoMeta) => { uploads.push(meta); return { id: 'm1' } as Photo; } };
  return { take: (index: number) => photos.takePhoto(ACTOR, 'w1', index, library), asked, uploads };
}

const photo = (href: string, caption: string | null, credit: string | null) => ({ href, width: 800, height: 600, mimeType: 'image/jpeg', caption, credit });

describe('takePhoto', () => {
  it('fetches with the source\'s private-address setting and names the photo from the rendition, else the item', async () => {
    const { take, asked, uploads } = importer(stored([photo('https://wam.ae/a.jpg', 'لوحة في المعرض', 'WAM/Ali'), photo('https://wam.ae/b.jpg', null, null)], 's1'), true);
    await take(0);
    await take(1);
    expect(asked).toEqual([{ href: 'https://wam.ae/a.jpg', allowPrivate: true }, { href: 'https://wam.ae/b.jpg', allowPrivate: true }]);
    expect(uploads).toEqual([
      { caption: 'لوحة في المعرض', credit: 'WAM/Ali', alt: 'لوحة في المعرض' },
      { caption: 'افتتاح المعرض 🎨', credit: 'وام', alt: 'افتتاح المعرض 🎨' },
    ]);
  });

  it('refuses with stable codes: no such photo, a fetch that failed; an item from no source never reaches private addresses', async () => {
    const { take, asked } = importer(stored([photo('https://wam.ae/gone.png', null, null)], null), true);
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (isDomainError(e) ? e.code : 'thrown'));
    expect(await code(take(3))).toBe('VALIDATION_FAILED');
    expect(await code(take(0))).toBe('WIRE_PHOTO_UNAVAILABLE');
    expect(asked).toEqual([{ href: 'https://wam.ae/gone.png', allowPrivate: false }]);
  });

  it('keeps the fetcher\'s reason out of what is answered: only the error\'s cause, for the log', async () => {
    const { take } = importer(stored([photo('https://wam.ae/gone.png', null, null)], null), true);
    const error = await take(0).then(() => null, (e: unknown) => e);
    expect(isDomainError(error) && { message: error.message, details: error.details, cause: error.cause })
      .toEqual({ message: 'The agency\'s photo could not be fetched.', details: { itemId: 'w1' }, cause: 'HTTP 404' });
  });

  it('follows the desk\'s rules: nothing is taken from a spiked item, a used one still offers its photos', async () => {
    const spiked = importer(stored([photo('https://wam.ae/a.jpg', null, null)], 's1', 'spiked'), true);
    const error = await spiked.take(0).then(() => null, (e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('WIRE_ITEM_STATUS_CONFLICT');
    expect(spiked.asked).toEqual([]);
    const used = importer(stored([photo('https://wam.ae/a.jpg', null, null)], 's1', 'used'), true);
    await used.take(0);
    expect(used.uploads).toHaveLength(1);
  });
});
