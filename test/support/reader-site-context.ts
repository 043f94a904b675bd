/** Builders for rendering reader pages without a server: an English and an Arabic edition, a SiteContext, articles and summaries. */
import type { Article, ArticleSummary } from '../../src/core/articles/article.js';
import type { Edition, EditionRef } from '../../src/core/editions/edition.js';
import { translatorFor } from '../../src/adapters/http/i18n/translate.js';
import type { SiteContext } from '../../src/adapters/http/site/site-context.js';

export const ENGLISH: Edition = {
  id: 'en', language: 'en', direction: 'ltr', name: 'English', locale: 'en-GB', numberingSystem: 'latn', timeZone: 'Europe/London', pathPrefix: '', position: 0,
};
export const ARABIC: Edition = {
  id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'arab', timeZone: 'Asia/Riyadh', pathPrefix: '/ar', position: 1,
};

export const NOW = new Date('2025-01-17T15:00:00Z');

export function refOf({ id, language, direction, pathPrefix }: Edition): EditionRef {
  return { id, language, direction, pathPrefix };
}

/** The context of a page in `edition` of a site with `editions` (English and Arabic unless told). */
export function readerSite(edition: Edition = ENGLISH, editions: readonly Edition[] = [ENGLISH, ARABIC]): SiteContext {
  return {
    siteName: 'Dateline', siteDescription: 'News as it happens', siteUrl: 'https://news.test',
    edition, editions, t: translatorFor(edition),
    sections: [{ slug: 'world', name: edition.id === 'ar' ? 'العالم' : 'World' }],
    assets: { css: '/assets/site.css', printCss: '/assets/print.css', js: '/assets/site.js', icon: '/assets/icon.svg', newsroomJs: '/assets/n.js', newsroomCss: '/assets/n.css' },
    now: NOW,
  };
}

export function readerArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1', slug: 'harbour-bridge-reopens', headline: 'Harbour bridge reopens', highlights: ['Traffic flows again.'], dateline: 'SYDNEY',
    body: [{ type: 'paragraph', text: 'The bridge reopened on Friday.' }], lead: null,
    section: { slug: 'world', name: 'World' }, topics: [{ slug: 'sydney', name: 'Sydney', kind: 'place' }],
    authors: [{ slug: 'ann-lee', name: 'Ann Lee' }], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: new Date('2025-01-17T14:00:00Z'), updatedAt: new Date('2025-01-17T14:21:24Z'), updateNote: null, minorEdit: false,
    shortCode: 'Ab3dE5f', edition: refOf(ENGLISH),
    ...overrides,
  };
}

export function readerSummary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: 's1', slug: 'story-one', headline: 'Story one', highlights: ['First highlight'], dateline: null, lead: null,
    section: { slug: 'world', name: 'World' }, firstPublishedAt: new Date('2025-01-17T14:00:00Z'), updatedAt: new Date('2025-01-17T14:59:58Z'),
    edition: refOf(ENGLISH),
    ...overrides,
  };
}
