/** @module What one agency's copy adds to another's: a word diff of headline, summary, dateline and text (the revisions' diff). */
import { bodyText } from '../articles/article.js';
import { wordDiff, type FieldDiff } from '../revisions/word-diff.js';
import type { WireItem } from './wire-item.js';

/** Words a copy adds and words it leaves out, against the other. */
export interface WireCopyDiff {
  fields: FieldDiff[];
  addedWords: number;
  removedWords: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== '').length;
}

/** From `base` to `other`: inserted words are what `other` adds, deleted ones what it lacks. Unchanged fields are left out. */
export function wireCopyDiff(base: WireItem, other: WireItem): WireCopyDiff {
  const texts: [string, string, (item: WireItem) => string][] = [
    ['headline', 'Headline', (i) => i.headline],
    ['summary', 'Summary', (i) => i.summary ?? ''],
    ['dateline', 'Dateline', (i) => i.dateline ?? ''],
    ['body', 'Story', (i) => bodyText(i.body)],
  ];
  const fields = texts.flatMap(([field, label, text]) => {
    const parts = wordDiff(text(base), text(other));
    return parts.some((p) => p.kind !== 'same') ? [{ field, label, parts }] : [];
  });
  const count = (kind: 'added' | 'removed') => fields.reduce((n, f) => n + f.parts.filter((p) => p.kind === kind).reduce((m, p) => m + wordCount(p.text), 0), 0);
  return { fields, addedWords: count('added'), removedWords: count('removed') };
}
