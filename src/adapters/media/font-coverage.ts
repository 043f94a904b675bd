/**
 * @module Which characters the server's fonts can draw, from fontconfig (`fc-list`), so a generated image never shows
 * a row of empty boxes: librsvg and Pango draw text with whatever fonts fontconfig finds, and a machine without a CJK
 * or emoji font draws those characters as boxes.
 */
import { execFile } from 'node:child_process';

/** Sorted, merged [first, last] code point ranges. */
export type Coverage = readonly (readonly [number, number])[];

/** Parses fontconfig charsets, one font per line, each "20-7e a0-17f 2c6 …" (hex), into merged ranges. */
export function parseCharsets(text: string): Coverage {
  const ranges: [number, number][] = [];
  for (const token of text.split(/\s+/)) {
    const match = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(token);
    if (!match) continue;
    const first = parseInt(match[1]!, 16);
    ranges.push([first, match[2] ? parseInt(match[2], 16) : first]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function covers(coverage: Coverage, codePoint: number): boolean {
  let low = 0;
  let high = coverage.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [first, last] = coverage[mid]!;
    if (codePoint < first) high = mid - 1;
    else if (codePoint > last) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Whether every visible character of `text` has a glyph in some font. Spaces, joiners, variation selectors and
 * combining marks are not checked: they draw nothing alone, and a font with the letter shapes its marks.
 */
export function canDraw(coverage: Coverage, text: string): boolean {
  for (const char of text) {
    if (/[\s\p{M}\p{Cf}]/u.test(char)) continue;
    if (!covers(coverage, char.codePointAt(0)!)) return false;
  }
  return true;
}

/** Printable ASCII: what to assume when fontconfig's tool is not installed (sharp's own fontconfig still finds some font). */
export const ASCII_ONLY: Coverage = [[0x20, 0x7e]];

/** The fonts' coverage on this machine, read once per process. */
let loaded: Promise<Coverage> | null = null;
export function loadFontCoverage(): Promise<Coverage> {
  loaded ??= new Promise((resolve) => {
    execFile('fc-list', ['--format', '%{charset}\n'], { timeout: 5_000, maxBuffer: 16 * 1_048_576 }, (error, stdout) => {
      const coverage = error ? ASCII_ONLY : parseCharsets(stdout);
      resolve(coverage.length ? coverage : ASCII_ONLY);
    });
  });
  return loaded;
}
