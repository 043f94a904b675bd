import { describe, expect, it } from 'vitest';
import { ARABIC } from '../../../../test/support/reader-site-context.js';
import { prepareEditionText } from './prepare-edition-text.js';
import { translatorFor } from './translate.js';

describe('prepareEditionText', () => {
  it('readies every message of an edition (a catalogue error would throw here, at start, not on a reader’s page)', () => {
    const edition = { ...ARABIC, locale: 'ar-EG' };
    expect(() => prepareEditionText(edition)).not.toThrow();
    expect(translatorFor(edition)('live.newStories', { count: 2 })).toBe('قصتان جديدتان');
  });
});
