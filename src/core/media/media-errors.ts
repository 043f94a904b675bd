/** @module MediaError: why an uploaded photo was refused, with a stable code the HTTP layer maps to a status. */
import { DomainError, type DomainErrorCode } from '../shared/domain-error.js';

/**
 * MEDIA_NOT_AN_IMAGE: the bytes are no image we recognise (judged by content, never by name or type).
 * MEDIA_UNSUPPORTED_FORMAT: an image, but not JPEG, PNG, WebP or AVIF (GIF, SVG, TIFF, HEIC…).
 * MEDIA_TOO_LARGE: more bytes than the configured limit (HTTP 413).
 * MEDIA_TOO_MANY_PIXELS: width × height over the configured limit; guards against decompression bombs.
 * MEDIA_CORRUPT: the header looked right but the pixels could not be decoded (truncated or damaged).
 */
export type MediaErrorCode = Extract<DomainErrorCode, 'MEDIA_NOT_AN_IMAGE' | 'MEDIA_UNSUPPORTED_FORMAT' | 'MEDIA_TOO_LARGE' | 'MEDIA_TOO_MANY_PIXELS' | 'MEDIA_CORRUPT'>;

/** A DomainError whose code is one of the media codes: the HTTP layer maps it like any other. */
export class MediaError extends DomainError {
  declare readonly code: MediaErrorCode;

  constructor(code: MediaErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'MediaError';
  }
}

export const ACCEPTED_PHOTO_FORMATS_TEXT = 'JPEG, PNG, WebP or AVIF';
