/** @module Text capture parser: reads the plain-text capture of a news site's article stream into CapturedStory values. */
import type {
  CaptureParseResult,
  CaptureProblem,
  CapturedStory,
  CapturedUpdateTime,
} from '../../core/imports/captured-story.js';

interface Line {
  /** 1-based line number in the original file. */
  no: number;
  text: string;
}

type Step<T> = { ok: true; value: T; next: number } | { ok: false; problem: CaptureProblem };

const UPDATED = /^updated (.{1,40})$/i;
const BULLET = /^•\s*/u;
/** A dateline is capitals (SEOUL, NEW YORK, RIYADH/DUBAI, ST. PETERSBURG) and a colon opening the lede. */
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M}.,'’/ -]{0,38}[\p{Lu}.]):\s*(\S.*)$/u;
const CREDIT = /^(.*\S)\s*\(([^()]+)\)$/u;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

/**
 * Reads every story of a capture. A story that cannot be read becomes one entry in `errors` and is
 * skipped; the others still parse. Never throws: a capture is untrusted input.
 */
export function parseTextCapture(text: string): CaptureParseResult {
  const blocks = toBlocks(splitLines(text));
  const starts = blocks.flatMap((_, i) => (isStoryStart(blocks, i) ? [i] : []));
  const firstStart = starts[0];
  if (firstStart === undefined) {
    const line = blocks[0]?.[0]?.no ?? 1;
    return { stories: [], errors: [{ line, message: 'no stories found: no headline followed by its "Updated" header' }] };
  }
  const result: CaptureParseResult = { stories: [], errors: [] };
  const stray = blocks[0]?.[0];
  if (firstStart > 0 && stray) {
    result.errors.push({ line: stray.no, message: `unrecognised text before the first story: ${quote(stray.text)}` });
  }
  starts.forEach((start, k) => {
    const outcome = readStory(blocks.slice(start, starts[k + 1] ?? blocks.length).flat());
    if (outcome.ok) result.stories.push(outcome.value);
    else result.errors.push(outcome.problem);
  });
  return result;
}

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ no: i + 1, text: normalizeText(raw) }));
}

/** NFC, trimmed, whitespace runs (tabs, no-break spaces) collapsed to one space; quotes kept as typed. */
function normalizeText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Runs of non-blank lines; the page layout puts blank lines between the parts of a story. */
function toBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text !== '') {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * A story opens with its headline alone, then a block holding the "Updated"/"Follow" header (or the
 * Update badge). Later copies of the headline sit before the highlights, never before a header, so
 * they cannot be mistaken for a new story; a header whose headline copy disagrees still opens one,
 * so the damage is reported instead of leaking into the previous story's body.
 */
function isStoryStart(blocks: Line[][], i: number): boolean {
  const block = blocks[i];
  const next = blocks[i + 1];
  const headline = block?.[0]?.text;
  if (!block || block.length !== 1 || !next || headline === undefined) return false;
  if (isBullet(headline) || isHeaderLine(headline)) return false;
  return next[0]?.text === `Update ${headline}` || next.slice(0, 4).some((line) => isHeaderLine(line.text));
}

function isHeaderLine(text: string): boolean {
  return /^(follow|short url)$/i.test(text) || UPDATED.test(text);
}

function isHeadlineCopy(line: Line | undefined, headline: string): boolean {
  return line !== undefined && (line.text === headline || line.text === `Update ${headline}`);
}

function isBullet(text: string): boolean {
  return BULLET.test(text);
}

/** One story from its non-blank lines: headline, header, copies, highlights, body. */
function readStory(lines: Line[]): { ok: true; value: CapturedStory } | { ok: false; problem: CaptureProblem } {
  const [head, copy] = lines;
  if (!head) return { ok: false, problem: { line: 1, message: 'empty story' } };
  const headline = head.text;
  if (!copy || !isHeadlineCopy(copy, headline)) return disagreement(copy ?? head, headline);
  const header = readHeader(lines, 2, head);
  if (!header.ok) return header;
  const highlights = readHighlights(lines, header.next, headline);
  if (!highlights.ok) return highlights;
  const body = lines.slice(highlights.next).map((line) => line.text);
  const lede = body[0];
  if (lede === undefined) return fail(head, `no body paragraphs in story ${quote(headline)}`);
  const dateline = DATELINE.exec(lede);
  const story: CapturedStory = {
    line: head.no,
    headline,
    updateBadge: copy.text !== headline,
    caption: header.value.caption,
    updated: header.value.updated,
    highlights: highlights.value,
    dateline: dateline?.[1] ?? null,
    paragraphs: dateline ? [dateline[2] ?? '', ...body.slice(1)] : body,
  };
  return { ok: true, value: story };
}

interface Header {
  caption: CapturedStory['caption'];
  updated: CapturedUpdateTime;
}

/** Optional photo caption, then "Short Url", "Updated …" and "Follow" in any order. */
function readHeader(lines: Line[], start: number, head: Line): Step<Header> {
  let i = start;
  let caption: CapturedStory['caption'] = null;
  const first = lines[i];
  const second = lines[i + 1];
  if (first && !isHeaderLine(first.text) && second && isHeaderLine(second.text)) {
    caption = splitCredit(first.text);
    i += 1;
  }
  let updated: CapturedUpdateTime | null = null;
  for (let line = lines[i]; line && isHeaderLine(line.text); line = lines[++i]) {
    const said = UPDATED.exec(line.text)?.[1];
    if (said === undefined) continue;
    const time = parseUpdateTime(said);
    if (!time) return fail(line, `unreadable update time ${quote(line.text)}`);
    updated = time;
  }
  if (!updated) return fail(head, `missing "Updated" line in story ${quote(head.text)}`);
  return { ok: true, value: { caption, updated }, next: i };
}

/** Skips the repeated headline, then reads the "•" highlights. */
function readHighlights(lines: Line[], start: number, headline: string): Step<string[]> {
  let i = start;
  while (isHeadlineCopy(lines[i], headline)) i += 1;
  const line = lines[i];
  // At most two copies precede the highlights, so text just before a bullet is a copy that differs.
  const bulletSoon = lines.slice(i + 1, i + 3).some((later) => isBullet(later.text));
  if (line && !isBullet(line.text) && bulletSoon && !DATELINE.test(line.text)) return disagreement(line, headline);
  const highlights: string[] = [];
  for (let bullet = lines[i]; bullet && isBullet(bullet.text); bullet = lines[++i]) {
    const text = bullet.text.replace(BULLET, '');
    if (text !== '') highlights.push(text);
  }
  return { ok: true, value: highlights, next: i };
}

function splitCredit(text: string): { text: string; credit: string | null } {
  const match = CREDIT.exec(text);
  const credit = match?.[2]?.trim();
  return match && credit ? { text: match[1] ?? text, credit } : { text, credit: null };
}

/** "2 sec ago", "38 min 36 sec ago", "1 hr 5 min ago", "an hour ago", or "17 January 2025". */
function parseUpdateTime(said: string): CapturedUpdateTime | null {
  const secondsAgo = parseRelative(said);
  if (secondsAgo !== null) return { kind: 'relative', secondsAgo };
  return parseDate(said);
}

function parseRelative(said: string): number | null {
  const text = said.replace(/^an? /i, '1 ');
  if (!/^(\d+ ?[a-z]+ )+ago$/i.test(text)) return null;
  let seconds = 0;
  for (const [, count, unit] of text.matchAll(/(\d+) ?([a-z]+)/gi)) {
    const perUnit = UNIT_SECONDS[(unit ?? '').toLowerCase()];
    if (perUnit === undefined) return null;
    seconds += Number(count) * perUnit;
  }
  return Number.isSafeInteger(seconds) ? seconds : null;
}

function parseDate(said: string): CapturedUpdateTime | null {
  const dayFirst = /^(\d{1,2}) ([a-z]+),? (\d{4})$/i.exec(said);
  const monthFirst = /^([a-z]+) (\d{1,2}),? (\d{4})$/i.exec(said);
  const [day, name, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : [monthFirst?.[2], monthFirst?.[1], monthFirst?.[3]];
  if (day === undefined || name === undefined || year === undefined) return null;
  const lower = name.toLowerCase();
  const month = MONTHS.findIndex((full) => lower.length >= 3 && full.startsWith(lower)) + 1;
  const date = { kind: 'date' as const, year: Number(year), month, day: Number(day) };
  const valid = month > 0 && date.day >= 1 && date.day <= daysInMonth(date.year, month);
  return valid ? date : null;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function disagreement(line: Line, headline: string): { ok: false; problem: CaptureProblem } {
  return fail(line, `headline copy ${quote(line.text)} does not match headline ${quote(headline)}`);
}

function fail(line: Line, message: string): { ok: false; problem: CaptureProblem } {
  return { ok: false, problem: { line: line.no, message } };
}

/** Quotes capture text in a message, shortened so one bad line cannot flood a log. */
function quote(text: string): string {
  const chars = [...text];
  return `"${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text}"`;
}
