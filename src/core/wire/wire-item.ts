/** @module WireItem: one piece of agency copy as received, in one shape whatever its format (ninjs, NewsML-G2, NITF, RSS, Atom, text capture). */
import { bodyText, type BodyBlock } from '../articles/article.js';
import { cleanDeep, cleanLine } from '../shared/clean-text.js';

export type WireFormat = 'ninjs' | 'newsml-g2' | 'nitf' | 'rss' | 'rss1' | 'atom' | 'text-capture';

/** A subject, place or person code the agency attached; `code`/`scheme` are null when the agency gave only a name. */
export interface WireSubject {
  name: string;
  code: string | null;
  scheme: string | null;
}

/** One rendition of a photo (the largest the agency offered comes first). */
export interface WirePhoto {
  href: string;
  width: number | null;
  height: number | null;
  mimeType: string | null;
  caption: string | null;
  credit: string | null;
}

export interface WireItem {
  format: WireFormat;
  /** The agency or publisher (copyright holder, provider, feed title); null when the document does not say. */
  agency: string | null;
  /**
   * The agency's id of the story, the same for every version of it: ninjs `uri` (or `guid`), NewsML-G2 `guid`, NITF `doc-id`,
   * RSS `guid` (else `link`), Atom `id` (else link). Text captures carry no id: there it is made from the headline.
   */
  agencyId: string;
  /** The agency's version number; 1 when the format has none. Later versions replace earlier ones. */
  version: number;
  headline: string;
  slugline: string | null;
  /** Where the story was filed from, as the agency wrote it ("MOSCOW, Monday (Reuters)" or "Berlin, Germany"). */
  dateline: string | null;
  byline: string | null;
  creditline: string | null;
  /** BCP 47 tag as sent ("en-GB", "nb-NO"), null when absent. */
  language: string | null;
  summary: string | null;
  body: BodyBlock[];
  subjects: WireSubject[];
  /** 1 (most urgent) to 9, as in IPTC; null when absent. */
  urgency: number | null;
  firstCreated: Date | null;
  versionCreated: Date | null;
  /** The public web page of the story, when the format has one (RSS/Atom link). */
  link: string | null;
  photos: WirePhoto[];
}

/** A parsed document: its items and what the receiver had to tolerate while reading it. */
export interface WireParseOutcome {
  items: WireItem[];
  warnings: string[];
}

/** An item is worth queueing when it has at least a headline or some body text. */
export function isReadableWireItem(item: Pick<WireItem, 'headline' | 'body' | 'summary'>): boolean {
  return item.headline.trim() !== '' || bodyText(item.body).trim() !== '' || (item.summary ?? '').trim() !== '';
}

/** The text that near-duplicate detection compares: headline, summary and body. */
export function wireItemText(item: Pick<WireItem, 'headline' | 'summary' | 'body'>): string {
  return [item.headline, item.summary ?? '', bodyText(item.body)].filter((part) => part !== '').join('\n');
}

/**
 * A later version as it replaces an earlier one: when it comes without body text (a headline-only correction, a
 * status resend) the earlier body, summary and photos stay, so a version never wipes out the story's text.
 */
export function withEarlierText(arriving: WireItem, stored: WireItem): WireItem {
  if (bodyText(arriving.body).trim() !== '' || bodyText(stored.body).trim() === '') return arriving;
  return { ...arriving, body: stored.body, summary: arriving.summary ?? stored.summary, photos: arriving.photos.length > 0 ? arriving.photos : stored.photos };
}

/** Parses an agency version ("6", 11, "1670105467") to a positive integer; 1 when missing or unreadable. */
export function wireVersion(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

/** Parses an IPTC urgency (1–9); null outside that range. */
export function wireUrgency(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

/** Parses an ISO 8601 or RFC 822 date as agencies send them; null when it is not a date. */
export function wireDate(raw: string | null | undefined): Date | null {
  if (!raw) return null;
  const at = new Date(raw.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Keeps the first subject of each (scheme, code, name), so a subject sent twice is listed once. */
export function uniqueSubjects(subjects: readonly WireSubject[]): WireSubject[] {
  const seen = new Set<string>();
  return subjects.filter((s) => {
    const key = `${s.scheme ?? ''}|${s.code ?? ''}|${s.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The agency's copy as JSON, every field but the format it came in: what a version's content hash covers. */
export function wireCopyJson(item: WireItem): string {
  const { format: _format, ...copy } = item;
  return JSON.stringify(copy);
}

/**
 * Code points that cleaning never changes, alone or beside each other: printable ASCII, Latin-1 to the end of
 * the spacing modifiers (below the combining marks at U+0300) and general punctuation but the separators U+2028/U+2029
 * (dashes, curly quotes, ellipsis). None is a control, a surrogate, a line break or part of an NFC composition.
 */
const NOT_CLEAN_AS_IS = /[^\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]/;

/**
 * True when an item's `wireCopyJson` shows text that `cleanWireItem` would give back unchanged: only the code points
 * above, and no JSON escape but `\"` and `\\` (JSON escapes every control character, so a tab, a line break or a lone
 * surrogate shows as one). Then the item needs no cleaning walk, and its JSON is already its content hash's text.
 */
export function isCleanWireCopyJson(json: string): boolean {
  if (NOT_CLEAN_AS_IS.test(json)) return false;
  for (let at = json.indexOf('\\'); at !== -1; at = json.indexOf('\\', at + 2)) {
    const escaped = json.charCodeAt(at + 1);
    if (escaped !== 0x22 && escaped !== 0x5c) return false;
  }
  return true;
}

/** The item's text as it may enter: NFC, no control characters (see clean-text.ts); one-line fields stay on one line. */
export function cleanWireItem(item: WireItem): WireItem {
  const line = (text: string | null) => (text === null ? null : cleanLine(text));
  return {
    ...cleanDeep(item),
    headline: cleanLine(item.headline), slugline: line(item.slugline), dateline: line(item.dateline), byline: line(item.byline),
    creditline: line(item.creditline), agency: line(item.agency),
  };
}
