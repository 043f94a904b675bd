/** @module Tests for the wire source rules: back-off, due feeds, new-source checks. */
import { describe, expect, it } from 'vitest';
import { backoffSeconds, checkNewWireSource, isDueForPoll, MAX_BACKOFF_SECONDS, nextPollTime, sourceErrorText } from './wire-source.js';

describe('backoffSeconds', () => {
  it('doubles the interval per consecutive failure and caps it at six hours', () => {
    expect([0, 1, 2, 3].map((f) => backoffSeconds(60, f))).toEqual([60, 120, 240, 480]);
    expect(backoffSeconds(60, 50)).toBe(MAX_BACKOFF_SECONDS);
    expect(backoffSeconds(86_400, 3)).toBe(86_400);
    expect(nextPollTime(new Date('2025-01-17T12:00:00Z'), 300, 1).toISOString()).toBe('2025-01-17T12:10:00.000Z');
  });
});

describe('isDueForPoll', () => {
  const now = new Date('2025-01-17T12:00:00Z');
  it('is due when never polled or when the time has come; push sources never are', () => {
    expect(isDueForPoll({ kind: 'feed', nextPollAt: null }, now)).toBe(true);
    expect(isDueForPoll({ kind: 'feed', nextPollAt: now }, now)).toBe(true);
    expect(isDueForPoll({ kind: 'feed', nextPollAt: new Date(now.getTime() + 1) }, now)).toBe(false);
    expect(isDueForPoll({ kind: 'push', nextPollAt: null }, now)).toBe(false);
  });
});

describe('checkNewWireSource', () => {
  it('gives a slug, and says why a source cannot be added', () => {
    expect(checkNewWireSource({ name: 'Agence France-Presse', kind: 'push' })).toEqual({ ok: true, slug: 'agence-france-presse' });
    expect(checkNewWireSource({ name: '  ', kind: 'push' })).toEqual({ ok: false, reason: 'name missing' });
    expect(checkNewWireSource({ name: 'X', kind: 'feed' })).toEqual({ ok: false, reason: 'url required for a feed' });
    expect(checkNewWireSource({ name: 'X', kind: 'feed', url: 'file:///etc/passwd' })).toEqual({ ok: false, reason: 'url must be http(s)' });
    expect(checkNewWireSource({ name: 'X', kind: 'push', url: 'https://a.b/' })).toEqual({ ok: false, reason: 'url not allowed for a push source' });
    expect(checkNewWireSource({ name: 'X', kind: 'feed', url: 'https://a.b/', everySeconds: 1 })).toEqual({ ok: false, reason: 'interval too short' });
  });

  it('keeps recorded errors to one bounded line', () => {
    expect(sourceErrorText('a\n  b')).toBe('a b');
    expect(sourceErrorText('x'.repeat(2000))).toHaveLength(500);
  });
});
