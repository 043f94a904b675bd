/**
 * @module A photo a wire item offers, taken into the media library with one click: fetched from the agency (through
 * the SSRF-guarded fetcher the feeds use), then checked, resized and stripped of metadata like any upload, with
 * the rendition's caption and credit. Taken under the desk's rules (wire-desk-rules.ts: never from a spiked item).
 */
import type { MediaLibrary } from '../media/media-library.js';
import type { Photo } from '../media/photo.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { wireItemFor } from './wire-desk-rules.js';
import type { WireStore } from './wire-store.js';

/** Fetches a photo's bytes; never throws. `allowPrivate` is the item's source's setting, as for its feed. */
export type FetchWirePhoto = (href: string, options: { allowPrivate: boolean }) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }>;

export interface WirePhotoImportDeps {
  items: Pick<WireStore, 'find' | 'findSource'>;
  fetchPhoto: FetchWirePhoto;
}

const META_LIMIT = 1_000;

export function createWirePhotoImport(deps: WirePhotoImportDeps) {
  /**
   * The item's photo `index` into `library`, uploaded by `actor`; its caption, credit and alt from the rendition, else
   * from the item. A failed fetch is WIRE_PHOTO_UNAVAILABLE with the generic message: the fetcher's reason (which may
   * name resolved internal addresses) is only the error's `cause`, for the server's log.
   */
  async function takePhoto(actor: StaffUser, itemId: string, index: number, library: Pick<MediaLibrary, 'upload'>): Promise<Photo> {
    const stored = await wireItemFor(deps.items, actor, itemId, 'take-photo');
    const { item } = stored;
    const photo = item.photos[index];
    if (!photo) throw new DomainError('VALIDATION_FAILED', 'This wire item offers no such photo.', { itemId, index });
    const source = stored.sourceId ? await deps.items.findSource(stored.sourceId) : null;
    const fetched = await deps.fetchPhoto(photo.href, { allowPrivate: source?.allowPrivate ?? false });
    if (!fetched.ok) throw new DomainError('WIRE_PHOTO_UNAVAILABLE', undefined, { itemId }, { cause: fetched.error });
    const caption = (photo.caption ?? item.headline).slice(0, META_LIMIT);
    const credit = (photo.credit ?? item.creditline ?? item.agency ?? '').slice(0, META_LIMIT);
    return library.upload(fetched.bytes, { caption, credit, alt: caption }, actor.id);
  }
  return { takePhoto };
}

export type WirePhotoImport = ReturnType<typeof createWirePhotoImport>;
