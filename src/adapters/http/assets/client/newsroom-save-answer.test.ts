/** @module Tests of how the editor reads autosave answers. */
import { describe, expect, it } from 'vitest';
import { clockTime, readSaveAnswer } from './newsroom-save-answer.js';

describe('readSaveAnswer', () => {
  it('reads a save', () => {
    expect(readSaveAnswer(200, { version: 4, savedAt: '2025-03-01T10:05:00Z' })).toEqual({ kind: 'saved', version: 4, savedAt: '2025-03-01T10:05:00Z' });
    expect(readSaveAnswer(200, { saved: true })).toEqual({ kind: 'retry' });
  });

  it('reads a version conflict, linking only to a path on this site', () => {
    const answer = (revisionsUrl: unknown) => readSaveAnswer(409, { error: { code: 'ARTICLE_VERSION_CONFLICT', message: 'Changed by Sam.', details: { currentVersion: 5, revisionsUrl } } });
    expect(answer('/newsroom/stories/a1/revisions')).toEqual({ kind: 'conflict', message: 'Changed by Sam.', revisionsUrl: '/newsroom/stories/a1/revisions' });
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', 7]) expect(answer(bad)).toMatchObject({ revisionsUrl: null });
    expect(readSaveAnswer(409, null)).toMatchObject({ kind: 'conflict', revisionsUrl: null });
  });

  it('reads invalid input with its first issue', () => {
    expect(readSaveAnswer(400, { error: { code: 'VALIDATION_FAILED', message: 'Check the fields.', details: { issues: [{ path: ['headline'], message: 'Required' }] } } })).toEqual({ kind: 'invalid', message: 'Check the fields. (headline: Required)' });
    expect(readSaveAnswer(400, 'oops')).toMatchObject({ kind: 'invalid' });
  });

  it('retries server and network trouble, refuses the rest', () => {
    expect(readSaveAnswer(503, null)).toEqual({ kind: 'retry' });
    expect(readSaveAnswer(429, null)).toEqual({ kind: 'retry' });
    expect(readSaveAnswer(403, { error: { message: 'Bad token' } })).toEqual({ kind: 'refused', message: 'Bad token' });
    expect(readSaveAnswer(404, null)).toMatchObject({ kind: 'refused' });
  });
});

describe('clockTime', () => {
  it('formats local hours and minutes and falls back on a bad date', () => {
    const local = new Date(2025, 2, 1, 9, 7);
    expect(clockTime(local.toISOString(), new Date(0))).toBe('09:07');
    expect(clockTime('nonsense', local)).toBe('09:07');
  });
});
