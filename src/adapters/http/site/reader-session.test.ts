/** readerOf from any route: the session cookie read from the parsed cookies or straight from the header. */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ReaderAccountService } from '../../../core/readers/reader-service.js';
import { cookieOf, readerCookieName, readerOf } from './reader-session.js';

const request = (headers: Record<string, string>, cookies?: Record<string, string>, protocol = 'http') => ({ headers, protocol, ...(cookies ? { cookies } : {}) }) as unknown as FastifyRequest;
const accounts = {
  authenticate: async (token: string | undefined) => (token === 'good' ? {
    reader: { id: 'r1', email: 'ä@example.com' }, session: { csrfToken: 'csrf-1' },
  } : null),
} as unknown as ReaderAccountService;

describe('reader session lookup', () => {
  it('reads the cookie from the header when the scope parses none, and decodes it', () => {
    expect(cookieOf(request({ cookie: 'a=1; dateline_reader=abc%2Dd; b=2' }), 'dateline_reader')).toBe('abc-d');
    expect(cookieOf(request({ cookie: 'xdateline_reader=1' }), 'dateline_reader')).toBeUndefined();
    expect(cookieOf(request({ cookie: 'dateline_reader=%E0%A4%A' }), 'dateline_reader')).toBeUndefined();
    expect(cookieOf(request({}, { dateline_reader: 'parsed' }), 'dateline_reader')).toBe('parsed');
  });

  it('answers the reader, or null when signed out or when accounts are off', async () => {
    expect(await readerOf(request({ cookie: 'dateline_reader=good' }), { readerAccounts: accounts })).toEqual({ id: 'r1', email: 'ä@example.com', csrfToken: 'csrf-1' });
    expect(await readerOf(request({ cookie: 'dateline_reader=bad' }), { readerAccounts: accounts })).toBeNull();
    expect(await readerOf(request({}), { readerAccounts: accounts })).toBeNull();
    expect(await readerOf(request({ cookie: 'dateline_reader=good' }), {})).toBeNull();
  });

  it('names the session cookie __Host-dateline_reader over TLS and dateline_reader over plain HTTP, and reads only that name', async () => {
    expect(readerCookieName(request({}, undefined, 'https'))).toBe('__Host-dateline_reader');
    expect(readerCookieName(request({}))).toBe('dateline_reader');
    expect(await readerOf(request({ cookie: '__Host-dateline_reader=good' }, undefined, 'https'), { readerAccounts: accounts })).toMatchObject({ id: 'r1' });
    // Over TLS a bare name could have been planted by a sibling subdomain: it signs nobody in.
    expect(await readerOf(request({ cookie: 'dateline_reader=good' }, undefined, 'https'), { readerAccounts: accounts })).toBeNull();
    expect(await readerOf(request({ cookie: '__Host-dateline_reader=good' }), { readerAccounts: accounts })).toBeNull();
  });
});
