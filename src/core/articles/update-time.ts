/** @module The update-time rule: "2 sec ago", "38 min 36 sec ago", then "17 January 2025". */
export interface Edition {
  /** BCP 47 locale of the edition's dates, e.g. en-GB. */
  locale: string;
  /** IANA time zone of the edition, e.g. Asia/Riyadh. */
  timeZone: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * How a reader sees an update time: seconds under a minute, minutes and seconds under an hour,
 * then the calendar date in the edition's time zone. A time in the future (clock skew) reads as
 * "0 sec ago". Pure: the caller passes `now`, so the server and the ticking browser agree.
 */
export function formatUpdateTime(updatedAt: Date, now: Date, edition: Edition): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - updatedAt.getTime()) / 1000));
  if (seconds < MINUTE) return `${seconds} sec ago`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ${seconds % MINUTE} sec ago`;
  return formatEditionDate(updatedAt, edition);
}

/**
 * Formatters by locale and zone. Building an Intl.DateTimeFormat costs more than rendering the rest
 * of a list item, and an edition has one locale and zone, so each is built once (a pure memo).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in the edition's zone: "17 January 2025". */
export function formatEditionDate(at: Date, edition: Edition): string {
  const key = `${edition.locale}|${edition.timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(edition.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: edition.timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(at);
}

/** Seconds until the displayed text can next change (1 while relative, null once absolute). */
export function nextTickSeconds(updatedAt: Date, now: Date): number | null {
  const seconds = (now.getTime() - updatedAt.getTime()) / 1000;
  return seconds < HOUR ? 1 : null;
}
