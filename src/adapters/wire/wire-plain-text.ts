/** @module Wire plain text: agency plain text (hard-wrapped, indented, blank-line separated) into paragraphs. */
import type { BodyBlock } from '../../core/articles/article.js';

/** NFC, whitespace runs (tabs, newlines, no-break spaces) collapsed to one space, trimmed. */
export function normaliseText(raw: string): string {
  return foldSpaces(toNfc(raw)).trim();
}

/**
 * NFC. Text below U+0300 is left as it is without asking ICU: NFC changes none of those code points, and no
 * combining mark is among them (most wire copy, read for every text node of every item).
 */
export function toNfc(text: string): string {
  return /[\u0300-\uffff]/.test(text) ? text.normalize('NFC') : text;
}

/** Each run of whitespace (any Unicode space, tab or line break) as one space; text with nothing to fold is returned as it is, uncopied. */
export function foldSpaces(text: string): string {
  return /[^\S ]| \s/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * Plain text to paragraphs. Blank lines always end a paragraph. Text hard-wrapped at a fixed width (most lines 45–80
 * characters, as ANSA and ANPA copy is) is joined back into running text, a new paragraph starting at each indented
 * line; other text is one paragraph a line. `<p>` and `<br>` tags some agencies leave in "text/plain" are line ends.
 */
export function plainTextToBlocks(text: string): BodyBlock[] {
  const lines = text.replace(/<\/?p(?:\s[^<>]*)?>|<br\s*\/?>/gi, '\n').split(/\r\n|\r|\n/);
  const chunks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') {
      if (chunks[chunks.length - 1]!.length > 0) chunks.push([]);
    } else {
      chunks[chunks.length - 1]!.push(line);
    }
  }
  return chunks
    .filter((chunk) => chunk.length > 0)
    .flatMap((chunk) => (isHardWrapped(chunk) ? joinWrapped(chunk) : chunk))
    .map(normaliseText)
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph' as const, text: line }));
}

function isHardWrapped(chunk: readonly string[]): boolean {
  const inner = chunk.slice(0, -1).map((line) => line.trim().length);
  if (inner.length === 0) return false;
  return inner.filter((length) => length >= 45 && length <= 80).length >= inner.length * 0.6;
}

/**
 * Wrapped lines joined; a line indented deeper than the chunk's wrapped lines starts a new paragraph (ANSA and
 * Reuters indent each paragraph's first line; a pretty-printed XML body indents every line alike), as does a bullet.
 */
function joinWrapped(chunk: readonly string[]): string[] {
  const base = Math.min(...chunk.slice(1).map(indent));
  const paragraphs: string[] = [];
  for (const line of chunk) {
    if (paragraphs.length === 0 || indent(line) >= base + 2 || /^\s*[*•·]\s/u.test(line)) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
  }
  return paragraphs;
}

function indent(line: string): number {
  return /^[ \t]*/.exec(line.replace(/\t/g, '    '))![0].length;
}

/**
 * True when text laid out with newlines has a plain-text structure worth keeping: a blank line, a line indented
 * deeper than the others, or bullets. Markup pretty-printed across lines (every line indented alike) has none.
 */
export function hasPlainTextLayout(text: string): boolean {
  const lines = text.trim().split(/\r\n|\r|\n/);
  if (lines.length < 4) return false;
  if (lines.some((line) => line.trim() === '') || lines.some((line) => /^\s*[*•·]\s/u.test(line))) return true;
  const rest = lines.slice(1);
  const base = Math.min(...rest.map(indent));
  return rest.some((line) => indent(line) >= base + 2);
}
