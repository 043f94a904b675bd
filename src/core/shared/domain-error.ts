/** @module DomainError: a failure with a stable code, a safe message and optional details. */
export type DomainErrorCode =
  | 'ARTICLE_NOT_FOUND'
  | 'ARTICLE_GONE'
  | 'SECTION_NOT_FOUND'
  | 'TOPIC_NOT_FOUND'
  | 'AUTHOR_NOT_FOUND'
  | 'SHORT_LINK_NOT_FOUND'
  | 'SEARCH_QUERY_INVALID'
  | 'IMPORT_PARSE_FAILED'
  | 'VALIDATION_FAILED';

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
