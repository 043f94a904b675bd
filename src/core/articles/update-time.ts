/** @module The update-time rule in the edition's language: "2 sec ago", "38 min 36 sec ago", then "17 January 2025". */
import { intlLocale, type Edition } from '../editions/edition.js';
import { zonedFormatter } from '../shared/zoned-time.js';

/** What the rule needs of an edition: its locale and digits for the words, its zone for the date. */
export type TimeEdition = Pick<Edition, 'locale' | 'numberingSystem' | 'timeZone'>;

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * How a reader sees an update time: seconds under a minute, minutes and seconds under an hour,
 * then the calendar date in the edition's time zone. A time in the future (clock skew) reads as
 * "0 sec ago". Pure: the caller passes `now`, so the server and the ticking browser agree.
 */
export function formatUpdateTime(updatedAt: Date, now: Date, edition: TimeEdition): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - updatedAt.getTime()) / 1000));
  if (seconds >= HOUR) return formatEditionDate(updatedAt, edition);
  const { words } = formattersOf(edition);
  return seconds < MINUTE ? words.seconds(seconds) : words.minutesSeconds(Math.floor(seconds / MINUTE), seconds % MINUTE);
}

interface RelativeWords {
  seconds(count: number): string;
  minutesSeconds(minutes: number, seconds: number): string;
}

/**
 * Formatters by locale (and zone for dates). Building an Intl formatter costs more than rendering the
 * rest of a list item, and an edition has one locale and zone, so each is built once (a pure memo).
 */
const wordsByLocale = new Map<string, RelativeWords>();
const datesByLocaleZone = new Map<string, EditionDates>();
const MAX_REMEMBERED_DATES = 10_000;

interface EditionDates {
  formatter: Intl.DateTimeFormat;
  byInstant: Map<number, string>;
}

/**
 * An edition object's formatters, found without building its locale string on every call (pages pass the
 * same object). Editions are values: a changed edition is a new object, never one edited in place.
 */
const byEdition = new WeakMap<TimeEdition, { words: RelativeWords; dates: EditionDates }>();

function formattersOf(edition: TimeEdition): { words: RelativeWords; dates: EditionDates } {
  let found = byEdition.get(edition);
  if (!found) {
    const locale = intlLocale(edition);
    found = { words: relativeWords(locale), dates: editionDates(locale, edition.timeZone) };
    byEdition.set(edition, found);
  }
  return found;
}

function relativeWords(locale: string): RelativeWords {
  let words = wordsByLocale.get(locale);
  if (!words) {
    words = buildRelativeWords(locale);
    wordsByLocale.set(locale, words);
  }
  return words;
}

/**
 * Intl says "38 min ago" and "36 sec ago" but has no "38 min 36 sec ago". The frame both share
 * ("… ago", "قبل …", "il y a …") is found once per locale; each unit's phrase is what sits inside it,
 * and the two phrases are joined as the locale joins units: "38 min 36 sec ago", "قبل 38 دقيقة و36 ثانية",
 * "قبل دقيقتين وثانيتين". Where no frame is found (the locale is written without spaces and shares no
 * ending), the minutes alone are shown.
 */
function buildRelativeWords(locale: string): RelativeWords {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  const units = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
  const frame = sharedFrame(relative.formatToParts(-11, 'minute'), relative.formatToParts(-11, 'second'));
  const inside = (text: string): string | null =>
    frame && text.startsWith(frame.prefix) && text.endsWith(frame.suffix) && text.length > frame.prefix.length + frame.suffix.length
      ? text.slice(frame.prefix.length, text.length - frame.suffix.length)
      : null;
  // Under an hour there are only 60 × 60 texts: each unit's 60 are made once, then put together.
  const seconds = memoUnder(MINUTE, (count) => relative.format(-count, 'second'));
  const minutes = memoUnder(MINUTE, (count) => relative.format(-count, 'minute'));
  const secondsInside = memoUnder(MINUTE, (count) => inside(seconds(count)));
  const minutesInside = memoUnder(MINUTE, (count) => inside(minutes(count)));
  return {
    seconds,
    minutesSeconds: (m, s) => {
      const mPhrase = minutesInside(m);
      const sPhrase = secondsInside(s);
      return frame && mPhrase && sPhrase ? `${frame.prefix}${units.format([mPhrase, sPhrase])}${frame.suffix}` : minutes(m);
    },
  };
}

/** `make(n)` for n below `limit`, each made once. */
function memoUnder<T>(limit: number, make: (n: number) => T): (n: number) => T {
  const made: T[] = [];
  return (n) => {
    if (n >= limit || n < 0) return make(n);
    if (!(n in made)) made[n] = make(n);
    return made[n] as T;
  };
}

type Part = { type: string; value: string };

/** The text before and after the number that "11 minutes ago" and "11 seconds ago" have in common. */
function sharedFrame(minute: Part[], second: Part[]): { prefix: string; suffix: string } | null {
  const a = aroundNumber(minute);
  const b = aroundNumber(second);
  let prefix = commonStart(a.before.split(/(?<=\s)/), b.before.split(/(?<=\s)/));
  let suffix = commonEnd(a.after.split(/(?=\s)/), b.after.split(/(?=\s)/));
  if (!prefix && !suffix) {
    // Scripts without spaces between words (Chinese, Japanese): compare character by character.
    prefix = commonStart([...a.before], [...b.before]);
    suffix = commonEnd([...a.after], [...b.after]);
  }
  return prefix || suffix ? { prefix, suffix } : null;
}

function aroundNumber(parts: Part[]): { before: string; after: string } {
  const first = parts.findIndex((p) => p.type !== 'literal');
  let last = parts.length - 1;
  while (last >= 0 && parts[last]?.type === 'literal') last--;
  const text = (list: Part[]) => list.map((p) => p.value).join('');
  return first < 0 ? { before: '', after: '' } : { before: text(parts.slice(0, first)), after: text(parts.slice(last + 1)) };
}

function commonStart(a: string[], b: string[]): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('');
}

function commonEnd(a: string[], b: string[]): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i).join('');
}

function editionDates(locale: string, timeZone: string): EditionDates {
  const key = `${locale}|${timeZone}`;
  let dates = datesByLocaleZone.get(key);
  if (!dates) {
    const formatter = zonedFormatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
    dates = { formatter, byInstant: new Map() };
    datesByLocaleZone.set(key, dates);
  }
  return dates;
}

/** The calendar date of an instant in the edition's zone, locale and digits: "17 January 2025", "١٧ يناير ٢٠٢٥". */
export function formatEditionDate(at: Date, edition: TimeEdition): string {
  const { dates } = formattersOf(edition);
  // The same stories' times come back on page after page: a bounded memo of what was formatted.
  const instant = at.getTime();
  let text = dates.byInstant.get(instant);
  if (text === undefined) {
    if (dates.byInstant.size >= MAX_REMEMBERED_DATES) dates.byInstant.clear();
    text = dates.formatter.format(at);
    dates.byInstant.set(instant, text);
  }
  return text;
}

/** Seconds until the displayed text can next change (1 while relative, null once absolute). */
export function nextTickSeconds(updatedAt: Date, now: Date): number | null {
  const seconds = (now.getTime() - updatedAt.getTime()) / 1000;
  return seconds < HOUR ? 1 : null;
}
