/** @module Tests for the text capture → WireItem adapter. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../../../test/support/fixture-path.js';
import { parseTextCaptureWire } from './text-capture-wire.js';

const RECEIVED = new Date('2025-01-17T12:00:00Z');

describe('parseTextCaptureWire', () => {
  it('turns each captured story into a wire item with a stable id from its headline', () => {
    const result = parseTextCaptureWire(readFileSync(repositoryPath('demo/news-stream-2025-01-17.txt'), 'utf8'), RECEIVED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toHaveLength(6);
    expect(new Set(result.items.map((i) => i.agencyId)).size).toBe(6);
    expect(result.items[0]).toMatchObject({ format: 'text-capture', agencyId: expect.stringMatching(/^text-capture:russia-and-north-korea/), dateline: 'SEOUL', version: 1 });
  });

  it('says the text is not a wire format when no story is found', () => {
    expect(parseTextCaptureWire('hello', RECEIVED)).toMatchObject({ ok: false, error: expect.stringMatching(/^not a recognised wire format/) });
  });
});
