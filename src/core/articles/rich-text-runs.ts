/** @module Inline content of the editor (text nodes with bold, italic and link marks) to and from text runs. */
import type { TextRun } from './article.js';

/** A ProseMirror mark as JSON. */
export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A ProseMirror node as JSON: the shape TipTap's `getJSON()` gives and `setContent()` takes. */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
}

/** Text nodes for runs; empty runs are skipped because ProseMirror forbids empty text nodes. */
export function runsToInline(runs: readonly TextRun[]): RichTextNode[] {
  return runs
    .filter((run) => run.text !== '')
    .map((run) => {
      const marks: RichTextMark[] = [];
      if (run.bold) marks.push({ type: 'bold' });
      if (run.italic) marks.push({ type: 'italic' });
      if (run.href !== undefined) marks.push({ type: 'link', attrs: { href: run.href } });
      return marks.length > 0 ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text };
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function runOf(value: unknown): TextRun | null {
  if (!isRecord(value)) return null;
  if (value['type'] === 'hardBreak') return { text: ' ' };
  if (value['type'] !== 'text' || typeof value['text'] !== 'string') return null;
  const run: TextRun = { text: value['text'].replace(/\s+/g, ' ') };
  for (const mark of Array.isArray(value['marks']) ? value['marks'] : []) {
    if (!isRecord(mark)) continue;
    if (mark['type'] === 'bold' || mark['type'] === 'strong') run.bold = true;
    else if (mark['type'] === 'italic' || mark['type'] === 'em') run.italic = true;
    else if (mark['type'] === 'link' && isRecord(mark['attrs']) && typeof mark['attrs']['href'] === 'string') {
      const href = mark['attrs']['href'].trim();
      if (href !== '') run.href = href;
    }
  }
  return run;
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && a.href === b.href;
}

/** Drops empty runs from both ends while trimming the outer whitespace. */
function trimEnds(runs: TextRun[]): TextRun[] {
  while (runs.length > 0) {
    const first = runs[0]!;
    first.text = first.text.replace(/^ /, '');
    if (first.text !== '') break;
    runs.shift();
  }
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    last.text = last.text.replace(/ $/, '');
    if (last.text !== '') break;
    runs.pop();
  }
  return runs;
}

/**
 * The runs of a block's inline nodes: whitespace collapsed to single spaces (also across runs) and
 * trimmed at the ends, neighbours with the same formatting merged, anything that is not text dropped.
 */
export function inlineToRuns(inline: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const value of inline) {
    const run = runOf(value);
    if (run === null) continue;
    const previous = runs[runs.length - 1];
    if (previous?.text.endsWith(' ') && run.text.startsWith(' ')) run.text = run.text.slice(1);
    if (run.text === '') continue;
    if (previous && sameFormat(previous, run)) previous.text += run.text;
    else runs.push(run);
  }
  return trimEnds(runs);
}
