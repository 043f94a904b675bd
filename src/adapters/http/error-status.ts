/** @module The one table from domain error codes to HTTP statuses. */
import type { DomainErrorCode } from '../../core/shared/domain-error.js';

export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  ARTICLE_NOT_FOUND: 404,
  ARTICLE_GONE: 410,
  SECTION_NOT_FOUND: 404,
  TOPIC_NOT_FOUND: 404,
  AUTHOR_NOT_FOUND: 404,
  SHORT_LINK_NOT_FOUND: 404,
  SEARCH_QUERY_INVALID: 400,
  IMPORT_PARSE_FAILED: 422,
  VALIDATION_FAILED: 400,
};
