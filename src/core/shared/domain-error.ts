/**
 * @module DomainError: a failure with a stable code, a safe message and optional details.
 * Every code also has a default message (domain-error-messages.ts), an HTTP status (adapters/http/error-status.ts)
 * and a row in docs/errors.md; new codes go at the end of the union.
 */
import { DOMAIN_ERROR_MESSAGES } from './domain-error-messages.js';

export type DomainErrorCode =
  | 'ARTICLE_NOT_FOUND'
  | 'ARTICLE_GONE'
  | 'SECTION_NOT_FOUND'
  | 'EDITION_NOT_FOUND'
  | 'TOPIC_NOT_FOUND'
  | 'AUTHOR_NOT_FOUND'
  | 'SHORT_LINK_NOT_FOUND'
  | 'SEARCH_QUERY_INVALID'
  | 'IMPORT_PARSE_FAILED'
  | 'VALIDATION_FAILED'
  | 'ARTICLE_VERSION_CONFLICT'
  | 'WORKFLOW_TRANSITION_FORBIDDEN'
  | 'WORKFLOW_TRANSITION_INVALID'
  | 'REVISION_NOT_FOUND'
  | 'AUTH_REQUIRED'
  | 'AUTH_INVALID_CREDENTIALS'
  | 'AUTH_THROTTLED'
  | 'AUTH_CSRF_INVALID'
  | 'PERMISSION_DENIED'
  | 'USER_NOT_FOUND'
  | 'USER_EMAIL_TAKEN'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_AN_IMAGE'
  | 'MEDIA_UNSUPPORTED_FORMAT'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_TOO_MANY_PIXELS'
  | 'MEDIA_CORRUPT'
  | 'WIRE_ITEM_NOT_FOUND'
  | 'WIRE_ITEM_STATUS_CONFLICT'
  | 'WIRE_PHOTO_UNAVAILABLE'
  | 'ALERT_NOT_PUBLISHED'
  | 'ALERT_ALREADY_SENT'
  | 'NEWSLETTER_NOT_FOUND'
  | 'NEWSLETTER_STATUS_CONFLICT';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  /**
   * Without a message, the code's default one: safe to show to whoever made the request. `options.cause` is for the
   * server's log only (never sent: the envelope carries code, message and details).
   */
  constructor(code: DomainErrorCode, message: string = DOMAIN_ERROR_MESSAGES[code], details?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
