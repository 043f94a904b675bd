/** @module Edition: one language version of the site (English at /, Arabic at /ar/ …) with its locale, zone and direction. */

export type TextDirection = 'ltr' | 'rtl';
/** Digits used for numbers and dates: Latin (0-9) or Arabic-Indic (٠-٩). */
export type NumberingSystem = 'latn' | 'arab';

export interface Edition {
  /** Short stable code, also the URL prefix of every edition but the first: `ar` → /ar/. */
  id: string;
  /** BCP 47 language of the edition's stories, e.g. en, ar. */
  language: string;
  direction: TextDirection;
  /** The edition's name in its own language, e.g. English, العربية. */
  name: string;
  /** BCP 47 locale of its dates and numbers, e.g. en-GB, ar-SA. */
  locale: string;
  numberingSystem: NumberingSystem;
  /** IANA time zone, e.g. Asia/Riyadh. */
  timeZone: string;
  /** '' for the first edition (served at /), else `/${id}`. */
  pathPrefix: string;
  /** Order in menus and switchers; the edition at position 0 is the one served at /. */
  position: number;
}

/** What a story or list item needs to know of its edition to link to it and mark its language. */
export type EditionRef = Pick<Edition, 'id' | 'language' | 'direction' | 'pathPrefix'>;

/** The edition whose stories predate editions (migration 0005's default) and the fallback of a fresh install. */
export const FIRST_EDITION_ID = 'en';

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The direction a language is written in (by its primary subtag). */
export function directionOf(language: string): TextDirection {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/**
 * The path prefix an edition is served under: none for the edition at position 0, `/id` for the others. A story whose
 * edition row is missing (`position` null) is served at / only when it is in FIRST_EDITION_ID, the edition of old stories.
 */
export function pathPrefixOf(id: string, position: number | null): string {
  const isFirst = position === null ? id === FIRST_EDITION_ID : Number(position) === 0;
  return isFirst ? '' : `/${id}`;
}

/** The locale string Intl should use: the edition's locale with its numbering system (`ar-SA-u-nu-latn`). */
export function intlLocale(edition: Pick<Edition, 'locale' | 'numberingSystem'>): string {
  const base = edition.locale.replace(/-u-.*$/i, '');
  return `${base}-u-nu-${edition.numberingSystem}`;
}

export const EDITION_ID_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/;

export interface EditionInput {
  id: string;
  language: string;
  name: string;
  locale: string;
  numberingSystem: NumberingSystem;
  timeZone: string;
  direction: TextDirection;
}

export type EditionField = keyof EditionInput;

/**
 * Problems with an edition an admin typed, field by field. `isLocale` and `isTimeZone` are passed in, so
 * the core does not depend on what the runtime's Intl supports.
 */
export function editionIssues(
  input: EditionInput,
  checks: { isLocale: (locale: string) => boolean; isTimeZone: (zone: string) => boolean; reservedIds: readonly string[] },
): { path: EditionField; message: string }[] {
  const issues: { path: EditionField; message: string }[] = [];
  if (!EDITION_ID_PATTERN.test(input.id)) issues.push({ path: 'id', message: 'The code is two or three lower-case letters, optionally with a region or script (e.g. ar, fr, zh-hant).' });
  else if (checks.reservedIds.includes(input.id)) issues.push({ path: 'id', message: 'That code is a path the site already uses.' });
  if (!checks.isLocale(input.language)) issues.push({ path: 'language', message: 'Not a BCP 47 language tag (e.g. ar, en, fr).' });
  if (!input.name.trim()) issues.push({ path: 'name', message: 'The edition needs a name.' });
  if (input.name.length > 60) issues.push({ path: 'name', message: 'The name can have at most 60 characters.' });
  if (!checks.isLocale(input.locale)) issues.push({ path: 'locale', message: 'Not a BCP 47 locale (e.g. ar-SA, en-GB).' });
  if (!checks.isTimeZone(input.timeZone)) issues.push({ path: 'timeZone', message: 'Not an IANA time zone (e.g. Asia/Riyadh, UTC).' });
  return issues;
}

/** The first path segments an edition code may not take: they are routes of their own. */
export const RESERVED_EDITION_IDS = [
  'article', 'section', 'topic', 'author', 'latest', 'search', 'following', 'feed', 's', 'live', 'fragment',
  'media', 'assets', 'newsroom', 'wire', 'api', 'sitemap', 'robots',
] as const;
