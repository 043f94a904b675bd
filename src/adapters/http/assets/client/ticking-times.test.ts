import { describe, expect, it } from 'vitest';
import { formatUpdateTime } from '../../../../core/articles/update-time.js';
import { intlLocale } from '../../../../core/editions/edition.js';
import { ARABIC, ENGLISH } from '../../../../../test/support/reader-site-context.js';
import { editionOf } from './ticking-times.js';

/** A page as the browser sees it: only <html>'s data attributes matter here. */
const pageOf = (dataset: Record<string, string>) => ({ documentElement: { dataset } }) as unknown as Document;

describe('the ticking times in the browser', () => {
  it.each([ENGLISH, ARABIC, { ...ARABIC, numberingSystem: 'latn' as const }])('read the edition from <html> and say what the server says ($locale, $numberingSystem)', (edition) => {
    const browser = editionOf(pageOf({ locale: intlLocale(edition), timeZone: edition.timeZone }));
    const now = new Date('2025-01-17T15:00:00Z');
    for (const seconds of [2, 59, 60, 38 * 60 + 36, 57 * 60, 3600, 86_400]) {
      const at = new Date(now.getTime() - seconds * 1000);
      expect(formatUpdateTime(at, now, browser)).toBe(formatUpdateTime(at, now, edition));
    }
  });

  it('fall back to British English in UTC on a page that says nothing', () => {
    expect(editionOf(pageOf({}))).toEqual({ locale: 'en-GB', numberingSystem: 'latn', timeZone: 'UTC' });
  });
});
