/** @module Tests for the error table: every code has a status and a message and a row in docs/errors.md with the same status; the envelope's shape. */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_MESSAGES } from '../../core/shared/domain-error-messages.js';
import { DomainError } from '../../core/shared/domain-error.js';
import { ERROR_STATUS, HTTP_ERRORS, defaultErrorMessage, errorEnvelope, errorStatus, httpErrorOf, type ErrorCode } from './error-status.js';

const DOC = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
/** `| \`CODE\` | 404 | meaning | when |` rows of the table in docs/errors.md. */
const DOCUMENTED = new Map([...DOC.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
// ERROR_STATUS and DOMAIN_ERROR_MESSAGES are Record<DomainErrorCode, …>: TypeScript already refuses a code missing from either.
const ALL_CODES = [...Object.keys(ERROR_STATUS), ...Object.keys(HTTP_ERRORS)] as ErrorCode[];

describe('the error table', () => {
  it('gives every code one status (4xx or 5xx) and a non-empty default message', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
    expect(Object.keys(DOMAIN_ERROR_MESSAGES).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    for (const code of ALL_CODES) {
      expect(errorStatus(code), code).toBeGreaterThanOrEqual(400);
      expect(errorStatus(code), code).toBeLessThan(600);
      expect(defaultErrorMessage(code).trim(), code).not.toBe('');
    }
  });

  it('documents every code in docs/errors.md with the same status, and no code that does not exist', () => {
    for (const code of ALL_CODES) expect(DOCUMENTED.get(code), `${code} in docs/errors.md`).toBe(errorStatus(code));
    expect([...DOCUMENTED.keys()].filter((code) => !ALL_CODES.includes(code as ErrorCode))).toEqual([]);
  });
});

describe('httpErrorOf', () => {
  it('keeps a domain error’s code, message and details', () => {
    expect(httpErrorOf(new DomainError('ARTICLE_VERSION_CONFLICT', 'Saved meanwhile.', { currentVersion: 3 })))
      .toEqual({ status: 409, code: 'ARTICLE_VERSION_CONFLICT', message: 'Saved meanwhile.', details: { currentVersion: 3 } });
    expect(httpErrorOf(new DomainError('AUTH_REQUIRED')).message).toBe(DOMAIN_ERROR_MESSAGES.AUTH_REQUIRED);
  });

  it('answers anything else with a transport code and its default message, never the error’s own text', () => {
    expect(httpErrorOf(new ZodError([]))).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(httpErrorOf(Object.assign(new Error('body too large: 9000 bytes'), { statusCode: 413 }))).toEqual({ status: 413, code: 'REQUEST_TOO_LARGE', message: HTTP_ERRORS.REQUEST_TOO_LARGE.message, details: undefined });
    expect(httpErrorOf(Object.assign(new Error('no parser'), { statusCode: 415 })).code).toBe('REQUEST_UNSUPPORTED_TYPE');
    expect(httpErrorOf(Object.assign(new Error('odd'), { statusCode: 406 })).code).toBe('REQUEST_INVALID');
    const fault = httpErrorOf(new Error('connection string postgres://secret@db'));
    expect(fault).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(fault.message).not.toContain('secret');
  });
});

describe('errorEnvelope', () => {
  it('is {error:{code,message,details?}}, without details when there are none', () => {
    expect(errorEnvelope({ code: 'AUTH_REQUIRED', message: 'Please sign in.' })).toEqual({ error: { code: 'AUTH_REQUIRED', message: 'Please sign in.' } });
    expect(errorEnvelope({ code: 'VALIDATION_FAILED', message: 'No.', details: { issues: [] } })).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'No.', details: { issues: [] } } });
  });
});

describe('out of space', () => {
  it('becomes 507 STORAGE_FULL, whose message says nothing was stored', () => {
    // node-postgres's own error class, as it builds it from PostgreSQL's disk_full answer.
    const diskFull = Object.assign(new pg.DatabaseError('could not extend file', 21, 'error'), { code: '53100' });
    expect(httpErrorOf(diskFull)).toMatchObject({ status: 507, code: 'STORAGE_FULL', message: expect.stringContaining('nothing was stored') });
    expect(httpErrorOf(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toMatchObject({ status: 507, code: 'STORAGE_FULL' });
  });
});
