/** @module MediaLibrary: the sharp processor, disk storage and the media table together; a failed upload leaves no file and no row. */
import type { Clock } from '../../core/shared/clock.js';
import { DomainError } from '../../core/shared/domain-error.js';
import type { IdGenerator } from '../../core/shared/ids.js';
import type { MediaLibrary, MediaStore, PhotoMeta } from '../../core/media/media-library.js';
import { originalKey, type MediaStorage, type Photo } from '../../core/media/photo.js';
import type { PhotoProcessor } from './image-variants.js';

export interface PhotoLibraryDeps {
  processor: PhotoProcessor;
  storage: MediaStorage;
  store: MediaStore;
  ids: IdGenerator;
  clock: Clock;
}

export function createPhotoLibrary(deps: PhotoLibraryDeps): MediaLibrary {
  async function upload(bytes: Uint8Array, meta: PhotoMeta, uploadedBy: string | null): Promise<Photo> {
    if (!meta.alt.trim()) throw new DomainError('VALIDATION_FAILED', 'A photo needs alt text describing it for readers who cannot see it.', { issues: [{ path: 'alt', message: 'Alt text is required.' }] });
    // A refused photo throws MediaError, a DomainError: it reaches the HTTP layer as it is.
    const processed = await deps.processor.process(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), deps.ids);
    const photo: Photo = {
      ...processed, caption: meta.caption.trim(), credit: meta.credit.trim(), alt: meta.alt.trim(), uploadedBy, createdAt: deps.clock.now(),
    };
    try {
      await deps.store.insert(photo);
    } catch (error) {
      // The row failed: take the files back so nothing is left behind.
      await Promise.all([...photo.variants.map((v) => v.key), originalKey(photo.id, photo.originalFormat)].map((k) => deps.storage.remove(k).catch(() => undefined)));
      throw error;
    }
    return photo;
  }

  return {
    upload,
    find: (id) => deps.store.find(id),
    findMany: (ids) => deps.store.findMany(ids),
    search: (text, limit) => deps.store.search({ text, limit }),
    urlOf: (key) => `/media/${key}`,
  };
}
