/** @module Wire inline runs: the text of sanitised inline markup as TextRuns (bold, italic, links), whitespace normalised across runs. */
import type { ChildNode } from 'domhandler';
import { decodeHTML } from 'entities';
import type { TextRun } from '../../core/articles/article.js';
import { foldSpaces, toNfc } from './wire-plain-text.js';

interface Format {
  bold: boolean;
  italic: boolean;
  href: string | null;
}

/** Runs of one paragraph; adjacent runs with the same formatting are merged, empty ones dropped. */
export function inlineRuns(nodes: readonly ChildNode[]): TextRun[] {
  const raw: TextRun[] = [];
  collect(nodes, PLAIN, raw);
  return tidy(raw);
}

/** The runs of a paragraph that holds this text alone (as `inlineRuns` of its one text node). */
export function textRuns(text: string): TextRun[] {
  return tidy([runOf(text, PLAIN)]);
}

const PLAIN: Format = { bold: false, italic: false, href: null };

function collect(nodes: readonly ChildNode[], format: Format, out: TextRun[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(runOf(node.data, format));
    } else if (node.type === 'tag') {
      if (node.name === 'br') {
        out.push(runOf(' ', format));
        continue;
      }
      const next: Format = {
        bold: format.bold || node.name === 'b' || node.name === 'strong',
        italic: format.italic || node.name === 'i' || node.name === 'em',
        href: node.name === 'a' && node.attribs['href'] ? node.attribs['href'] : format.href,
      };
      collect(node.children, next, out);
    }
  }
}

/** Dash elements some agencies send escaped, as text (STT: `&lt;endash&gt;-&lt;/endash&gt;`), by what they mean. */
const DASH_ELEMENTS: Record<string, string> = { endash: '\u2013', emdash: '\u2014', ndash: '\u2013', mdash: '\u2014', hyphen: '-' };

/**
 * Text as an agency meant it: escaped dash elements ("<endash>-</endash>") become the dash, other escaped elements
 * are dropped (their text kept), and references escaped twice ("&amp;quot;" arriving as "&quot;") are decoded.
 */
export function wireInlineText(text: string): string {
  // Without a "<" or an "&" there is no escaped element and no reference: most text nodes.
  if (!text.includes('<') && !text.includes('&')) return text;
  let out = text.replace(/<(endash|emdash|ndash|mdash|hyphen)\s*\/>|<(endash|emdash|ndash|mdash|hyphen)>[^<]{0,3}<\/\2>/giu, (_, empty?: string, full?: string) => DASH_ELEMENTS[(empty ?? full ?? '').toLowerCase()] ?? '');
  // Only what is surely markup goes: a pair of tags (`<Company>…</Company>`) or an empty element; a lone "<Name>" stays text.
  out = out.replace(/<([A-Za-z][\w.:-]*)(?:\s[^<>]*)?>([^<]*)<\/\1>/g, '$2').replace(/<[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/>/g, '');
  return /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.test(out) ? decodeHTML(out) : out;
}

function runOf(text: string, format: Format): TextRun {
  const run: TextRun = { text: foldSpaces(toNfc(wireInlineText(text))) };
  if (format.bold) run.bold = true;
  if (format.italic) run.italic = true;
  if (format.href) run.href = format.href;
  return run;
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && a.href === b.href;
}

function tidy(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameFormat(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  // One space between runs, none at the ends.
  let previous: TextRun | null = null;
  for (const run of merged) {
    run.text = run.text.replace(/ {2,}/g, ' ');
    if (!previous || previous.text.endsWith(' ')) run.text = run.text.replace(/^ /, '');
    if (run.text !== '') previous = run;
  }
  const kept = merged.filter((run) => run.text !== '');
  const last = kept[kept.length - 1];
  if (last) last.text = last.text.replace(/ $/, '');
  return kept.filter((run) => run.text !== '');
}
