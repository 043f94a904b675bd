/** @module The reader stylesheets serve both directions: no physical left/right/top/bottom, width or height in them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SHEETS = ['site.css', 'print.css'];

/** Properties tied to the screen's sides; each has a logical twin (margin-inline-start, inset-block-start, inline-size …). */
const PHYSICAL = /^(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)(?:-\w+)?|left|right|top|bottom|(?:min-|max-)?(?:width|height))$/;
/** Values that name a side; `overflow-x` stays allowed: it scrolls the right way by itself in right-to-left. */
const PHYSICAL_VALUE = /^(?:text-align|float|clear|caption-side):\s*(?:left|right)\b/;
/** Four-value shorthands are top, right, bottom, left: the right and left ones must match. */
const SIDED_SHORTHAND = /^(?:margin|padding|inset|border-width|border-style|border-color)$/;

function declarations(css: string): { property: string; value: string }[] {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').split(/[{};]/)
    .map((chunk) => /^\s*([a-z-]+)\s*:\s*([^]*?)\s*$/.exec(chunk))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ property: m[1]!, value: m[2]! }));
}

describe.each(SHEETS)('%s', (sheet) => {
  const css = readFileSync(new URL(sheet, import.meta.url), 'utf8');
  const all = declarations(css);

  it('has declarations to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('uses logical properties only', () => {
    const offending = all.filter(({ property, value }) => {
      if (PHYSICAL.test(property) || PHYSICAL_VALUE.test(`${property}: ${value}`)) return true;
      const sides = value.split(/\s+/);
      return SIDED_SHORTHAND.test(property) && sides.length === 4 && sides[1] !== sides[3];
    });
    expect(offending).toEqual([]);
  });
});
