import { describe, expect, it } from 'vitest';
import { signReaderLink, verifyReaderLink } from './signed-links.js';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const OTHER = Buffer.from('fedcba9876543210fedcba9876543210');

describe('signed reader links', () => {
  it('round-trips a payload, with and without a mailing', () => {
    const payload = { readerId: 'r-1', list: 'newsletters' as const, mailing: 'newsletter:n-Ω-日本' };
    const token = signReaderLink(KEY, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyReaderLink(KEY, token)).toEqual(payload);
    expect(verifyReaderLink(KEY, signReaderLink(KEY, { readerId: 'r-2', list: 'all' }))).toEqual({ readerId: 'r-2', list: 'all' });
  });

  it('refuses a token signed with another key', () => {
    expect(verifyReaderLink(OTHER, signReaderLink(KEY, { readerId: 'r-1', list: 'digest' }))).toBeNull();
  });

  it('refuses a tampered payload: another reader or list with the old signature', () => {
    const token = signReaderLink(KEY, { readerId: 'r-1', list: 'digest' });
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'r-2', l: 'digest' })).toString('base64url');
    expect(verifyReaderLink(KEY, `${forged}.${mac}`)).toBeNull();
    const flipped = token.slice(0, 3) + (token[3] === 'A' ? 'B' : 'A') + token.slice(4);
    expect(verifyReaderLink(KEY, flipped)).toBeNull();
  });

  it('refuses truncated tokens and junk', () => {
    const token = signReaderLink(KEY, { readerId: 'r-1', list: 'alerts' });
    for (const bad of [token.slice(0, -1), token.slice(0, -4), token.split('.')[0]!, `${token}.x`, '', '.', 'a.b', '<script>', 'x'.repeat(2000)]) {
      expect(verifyReaderLink(KEY, bad)).toBeNull();
    }
  });

  it('refuses a well-signed body that is not a reader link', () => {
    // Signed with the right key but carrying an unknown list: never trusted as a payload.
    const body = Buffer.from(JSON.stringify({ r: 'r-1', l: 'everything' })).toString('base64url');
    const real = signReaderLink(KEY, { readerId: 'r-1', list: 'all' });
    expect(verifyReaderLink(KEY, `${body}.${real.split('.')[1]}`)).toBeNull();
  });
});
