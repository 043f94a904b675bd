/**
 * @module The one error table of the HTTP layer: every code's status and default message, the JSON error
 * envelope `{error:{code,message,details?}}` that every JSON endpoint answers with, and how a thrown error
 * becomes one. docs/errors.md lists every code; error-status.test.ts keeps the two in step.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DOMAIN_ERROR_MESSAGES } from '../../core/shared/domain-error-messages.js';
import { isDomainError, type DomainErrorCode } from '../../core/shared/domain-error.js';
import { RETRY_AFTER_SECONDS } from './database-unavailable.js';
import { isOutOfSpace } from '../db/storage-faults.js';

/** Seconds an agency or a script should wait before sending again after STORAGE_FULL: someone has to free space first. */
const STORAGE_FULL_RETRY_AFTER_SECONDS = 60;

/** The status of every domain code (the core never mentions HTTP). New codes go at the end. */
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  ARTICLE_NOT_FOUND: 404,
  ARTICLE_GONE: 410,
  SECTION_NOT_FOUND: 404,
  EDITION_NOT_FOUND: 404,
  TOPIC_NOT_FOUND: 404,
  AUTHOR_NOT_FOUND: 404,
  SHORT_LINK_NOT_FOUND: 404,
  SEARCH_QUERY_INVALID: 400,
  IMPORT_PARSE_FAILED: 422,
  VALIDATION_FAILED: 400,
  ARTICLE_VERSION_CONFLICT: 409,
  WORKFLOW_TRANSITION_FORBIDDEN: 403,
  WORKFLOW_TRANSITION_INVALID: 409,
  REVISION_NOT_FOUND: 404,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_THROTTLED: 429,
  AUTH_CSRF_INVALID: 403,
  PERMISSION_DENIED: 403,
  USER_NOT_FOUND: 404,
  USER_EMAIL_TAKEN: 409,
  MEDIA_NOT_FOUND: 404,
  MEDIA_NOT_AN_IMAGE: 415,
  MEDIA_UNSUPPORTED_FORMAT: 415,
  MEDIA_TOO_LARGE: 413,
  MEDIA_TOO_MANY_PIXELS: 413,
  MEDIA_CORRUPT: 422,
  WIRE_ITEM_NOT_FOUND: 404,
  WIRE_ITEM_STATUS_CONFLICT: 409,
  WIRE_PHOTO_UNAVAILABLE: 502,
  ALERT_NOT_PUBLISHED: 409,
  ALERT_ALREADY_SENT: 409,
  NEWSLETTER_NOT_FOUND: 404,
  NEWSLETTER_STATUS_CONFLICT: 409,
};

/** Codes only the HTTP layer answers with: a request that cannot be read, a push without its token, a fault on our side. */
export const HTTP_ERRORS = {
  NOT_FOUND: { status: 404, message: 'There is nothing at this address.' },
  REQUEST_INVALID: { status: 400, message: 'The request could not be read.' },
  REQUEST_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  REQUEST_UNSUPPORTED_TYPE: { status: 415, message: 'This kind of request body is not accepted here.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'Temporarily unavailable; try again in a few seconds.' },
  SERVER_BUSY: { status: 503, message: 'The server is too busy to read this now; nothing was stored. Try again in a few seconds.' },
  STORAGE_FULL: { status: 507, message: 'The server has run out of storage space: nothing was stored. Try again later.' },
  WIRE_PUSH_UNAUTHORIZED: { status: 401, message: 'A valid bearer token for this source is required.' },
  WIRE_PUSH_EMPTY: { status: 400, message: 'The request has no body: POST a ninjs or NewsML-G2 document.' },
  WIRE_PUSH_UNREADABLE: { status: 422, message: 'The document could not be read as ninjs or NewsML-G2.' },
  READER_LINK_INVALID: { status: 410, message: 'This sign-in link has expired or has been used already. Ask for a new one.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;
export type ErrorCode = DomainErrorCode | HttpErrorCode;

function isHttpErrorCode(code: ErrorCode): code is HttpErrorCode {
  return Object.hasOwn(HTTP_ERRORS, code);
}

export function errorStatus(code: ErrorCode): number {
  return isHttpErrorCode(code) ? HTTP_ERRORS[code].status : ERROR_STATUS[code];
}

export function defaultErrorMessage(code: ErrorCode): string {
  return isHttpErrorCode(code) ? HTTP_ERRORS[code].message : DOMAIN_ERROR_MESSAGES[code];
}

/** An error as the HTTP layer answers it. */
export interface HttpError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> | undefined;
}

/** The one JSON error body: `{error:{code,message,details?}}`. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function httpError(code: ErrorCode, message = defaultErrorMessage(code), details?: Record<string, unknown>): HttpError {
  return { status: errorStatus(code), code, message, details };
}

/** A DomainError keeps its code, message and details; anything else gets a transport code and its default message, never its own text. */
export function httpErrorOf(error: unknown): HttpError {
  if (isDomainError(error)) return httpError(error.code, error.message, error.details);
  if (error instanceof ZodError) return httpError('REQUEST_INVALID');
  if (isOutOfSpace(error)) return httpError('STORAGE_FULL');
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== 'number' || status >= 500) return httpError('INTERNAL_ERROR');
  return httpError(status === 413 ? 'REQUEST_TOO_LARGE' : status === 415 ? 'REQUEST_UNSUPPORTED_TYPE' : 'REQUEST_INVALID');
}

export function errorEnvelope(error: Pick<HttpError, 'code' | 'message' | 'details'>): ErrorEnvelope {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

/** A loaded server's parse budget ran out: a little longer than a database restart, to let the load pass. */
const SERVER_BUSY_RETRY_AFTER_SECONDS = 10;

/** Seconds to wait before trying again, sent as Retry-After with the codes that say "not now" rather than "not this". */
const RETRY_AFTER_BY_CODE: Partial<Record<ErrorCode, number>> = {
  DATABASE_UNAVAILABLE: RETRY_AFTER_SECONDS, SERVER_BUSY: SERVER_BUSY_RETRY_AFTER_SECONDS, STORAGE_FULL: STORAGE_FULL_RETRY_AFTER_SECONDS,
};

/** Answers the envelope with the error's status; error answers are never cached. */
export function sendJsonError(reply: FastifyReply, error: HttpError): FastifyReply {
  const retryAfter = RETRY_AFTER_BY_CODE[error.code];
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.code(error.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(errorEnvelope(error));
}

/** A script (autosave, the media picker, the wire queue, an API client) asks for JSON; a browser page does not. */
export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}
