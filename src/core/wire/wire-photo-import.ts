/**
 * @module A photo a wire item offers, taken into the media library with one click: fetched from the agency (through
 * the SSRF-guarded fetcher the feeds use), then checked, resized and stripped of metadata like any upload, with
 * the rendition's caption and credit.
 */
import type { MediaLibrary } from '../media/media-library.js';
import type { Photo } from '../media/photo.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import type { WireStore } from './wire-store.js';

/** Fetches a photo's bytes; never throws. `allowPrivate` is the item's source's setting, as for its feed. */
export type FetchWirePhoto = (href: string, options: { allowPrivate: boolean }) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }>;

export interface WirePhotoImportDeps {
  items: Pick<WireStore, 'find' | 'findSource'>;
  fetchPhoto: FetchWirePhoto;
}

const META_LIMIT = 1_000;

export function createWirePhotoImport(deps: WirePhotoImportDeps) {
  /** The item's photo `index` into `library`, uploaded by `actor`; its caption, credit and alt from the rendition, else from the item. */
  async function takePhoto(actor: StaffUser, itemId: string, index: number, library: Pick<MediaLibrary, 'upload'>): Promise<Photo> {
    const stored = await deps.items.find(itemId);
    if (!stored) throw new DomainError('WIRE_ITEM_NOT_FOUND', 'There is no such wire item.', { itemId });
    const { item } = stored;
    const photo = item.photos[index];
    if (!photo) throw new DomainError('VALIDATION_FAILED', 'This wire item offers no such photo.', { itemId, index });
    const source = stored.sourceId ? await deps.items.findSource(stored.sourceId) : null;
    const fetched = await deps.fetchPhoto(photo.href, { allowPrivate: source?.allowPrivate ?? false });
    if (!fetched.ok) throw new DomainError('WIRE_PHOTO_UNAVAILABLE', 'The agency\'s photo could not be fetched.', { itemId, reason: fetched.error });
    const caption = (photo.caption ?? item.headline).slice(0, META_LIMIT);
    const credit = (photo.credit ?? item.creditline ?? item.agency ?? '').slice(0, META_LIMIT);
    return library.upload(fetched.bytes, { caption, credit, alt: caption }, actor.id);
  }
  return { takePhoto };
}

export type WirePhotoImport = ReturnType<typeof createWirePhotoImport>;
