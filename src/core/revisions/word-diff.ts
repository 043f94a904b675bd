/** @module Word-level differences between two revisions of a story, field by field (the `diff` library does the LCS). */
import { diffWordsWithSpace } from 'diff';
import { bodyText } from '../articles/article.js';
import type { ArticleFields } from '../articles/article-fields.js';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  field: string;
  label: string;
  parts: DiffPart[];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

function changed(parts: DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}

/** The readable text of each field, in the order an editor reads a story. */
function fieldTexts(fields: ArticleFields, includeInternal: boolean): [string, string, string][] {
  const rows: [string, string, string][] = [
    ['headline', 'Headline', fields.headline],
    ['highlights', 'Highlights', fields.highlights.map((h) => `• ${h}`).join('\n')],
    ['dateline', 'Dateline', fields.dateline ?? ''],
    ['body', 'Story', bodyText(fields.body)],
    ['lead', 'Photo caption', fields.lead ? [fields.lead.caption, fields.lead.credit].filter(Boolean).join(' — ') : ''],
  ];
  if (includeInternal) {
    rows.push(
      ['section', 'Section', fields.section.name],
      ['topics', 'Topics', fields.topics.map((t) => t.name).join(', ')],
      ['authors', 'Byline', fields.authors.map((a) => a.name).join(', ')],
      ['source', 'Source', fields.source.kind === 'agency' ? `${fields.source.agency} ${fields.source.wireId ?? ''}`.trim() : 'Staff'],
    );
  }
  return rows;
}

/**
 * The fields that differ, each as a word diff. Readers see headline, highlights, dateline, body and caption;
 * the newsroom (`includeInternal`) also sees section, topics, byline and source.
 */
export function storyDiff(before: ArticleFields, after: ArticleFields, includeInternal = false): FieldDiff[] {
  const a = fieldTexts(before, includeInternal);
  const b = fieldTexts(after, includeInternal);
  return a.flatMap(([field, label, text], i) => {
    const parts = wordDiff(text, b[i]![2]);
    return changed(parts) ? [{ field, label, parts }] : [];
  });
}
