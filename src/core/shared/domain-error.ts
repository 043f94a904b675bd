/** @module DomainError: a failure with a stable code, a safe message and optional details. */
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
  | 'MEDIA_CORRUPT';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
