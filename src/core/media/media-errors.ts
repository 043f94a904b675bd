/** @module MediaError: why an uploaded photo was refused, with a stable code the HTTP layer maps to a status. */

/**
 * MEDIA_NOT_AN_IMAGE: the bytes are no image we recognise (judged by content, never by name or type).
 * MEDIA_UNSUPPORTED_FORMAT: an image, but not JPEG, PNG, WebP or AVIF (GIF, SVG, TIFF, HEIC…).
 * MEDIA_TOO_LARGE: more bytes than the configured limit (HTTP 413).
 * MEDIA_TOO_MANY_PIXELS: width × height over the configured limit; guards against decompression bombs.
 * MEDIA_CORRUPT: the header looked right but the pixels could not be decoded (truncated or damaged).
 */
export type MediaErrorCode =
  | 'MEDIA_NOT_AN_IMAGE'
  | 'MEDIA_UNSUPPORTED_FORMAT'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_TOO_MANY_PIXELS'
  | 'MEDIA_CORRUPT';

export class MediaError extends Error {
  readonly code: MediaErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: MediaErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MediaError';
    this.code = code;
    this.details = details;
  }
}

export function isMediaError(value: unknown): value is MediaError {
  return value instanceof MediaError;
}

export const ACCEPTED_PHOTO_FORMATS_TEXT = 'JPEG, PNG, WebP or AVIF';
