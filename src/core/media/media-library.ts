/** @module The media library: upload photos once, find and reuse them with their captions and credits. */
import type { Photo } from './photo.js';

export interface PhotoMeta {
  caption: string;
  credit: string;
  alt: string;
}

export interface MediaStore {
  insert(photo: Photo): Promise<void>;
  find(id: string): Promise<Photo | null>;
  findMany(ids: string[]): Promise<Map<string, Photo>>;
  /** Newest first; `text` matches caption, credit or alt text (case-insensitive). */
  search(query: { text?: string; limit: number; before?: { createdAt: Date; id: string } | null }): Promise<Photo[]>;
}

export interface MediaLibrary {
  /** Checks, processes and stores an upload; throws DomainError MEDIA_* for bad input and leaves nothing behind. */
  upload(bytes: Uint8Array, meta: PhotoMeta, uploadedBy: string | null): Promise<Photo>;
  find(id: string): Promise<Photo | null>;
  findMany(ids: string[]): Promise<Map<string, Photo>>;
  search(text: string, limit: number): Promise<Photo[]>;
  /** The public URL of a variant key, e.g. /media/3f/3f2a…-640.webp */
  urlOf(key: string): string;
}
