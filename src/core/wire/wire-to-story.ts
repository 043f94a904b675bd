/** @module Wire copy into a story: a new draft's fields with the agency's provenance, or new paragraphs for an existing story. */
import type { BodyBlock, NamedRef, TextRun } from '../articles/article.js';
import type { SuggestedTopic } from '../topics/topic-suggester.js';
import { topicRefsOf } from '../topics/story-topics.js';
import type { ArticleFields } from '../articles/article-fields.js';
import { draftDateline, leadDateline, type LeadDateline } from './wire-dateline.js';
import type { WireItem } from './wire-item.js';

/** The first paragraph: where an agency writes its dateline. */
function ledeIndex(body: BodyBlock[]): number {
  return body.findIndex((b) => b.type === 'paragraph');
}

/** The dateline opening the item's lede, if it has one. */
export function wireLeadDateline(item: Pick<WireItem, 'body' | 'dateline'>): LeadDateline | null {
  const lede = item.body[ledeIndex(item.body)];
  return lede?.type === 'paragraph' ? leadDateline(lede.text, item.dateline) : null;
}

/** Runs without their first `length` characters, the spaces after them too. */
function cutRuns(runs: TextRun[], length: number): TextRun[] {
  const out: TextRun[] = [];
  let left = length;
  for (const run of runs) {
    const text = left > 0 ? run.text.slice(Math.min(left, run.text.length)) : run.text;
    left -= Math.min(left, run.text.length);
    const kept = out.length === 0 ? text.trimStart() : text;
    if (kept !== '') out.push({ ...run, text: kept });
  }
  return out;
}

/** The body with the lede's dateline cut, since the draft shows it in its dateline field. */
export function bodyWithoutDateline(body: BodyBlock[], found: LeadDateline | null): BodyBlock[] {
  const at = ledeIndex(body);
  const lede = body[at];
  if (!found || lede?.type !== 'paragraph') return body;
  const text = lede.text.slice(found.length).trimStart();
  const next: BodyBlock = lede.runs ? { ...lede, text, runs: cutRuns(lede.runs, found.length) } : { ...lede, text };
  return body.map((b, i) => (i === at ? next : b));
}

/**
 * The agency a draft credits: the item's, else its credit line, else the agency its lede's dateline names
 * ("(AP)"), and only when none says, "Agency".
 */
export function wireAgencyCredit(item: Pick<WireItem, 'agency' | 'creditline'>, found: LeadDateline | null): string {
  return (item.agency ?? item.creditline ?? found?.agency ?? 'Agency').slice(0, 100);
}

/**
 * A draft from wire copy: the agency is the source (with its item id), the byline's people its authors (resolved
 * by the caller), the dateline in its field and no longer in the lede; the text is otherwise the agency's, unchanged.
 */
export function articleFieldsFromWire(item: WireItem, section: NamedRef, topics: SuggestedTopic[], authors: NamedRef[] = []): ArticleFields {
  const highlights = item.summary && item.summary !== item.headline ? [item.summary.slice(0, 400)] : [];
  const found = wireLeadDateline(item);
  const dateline = item.dateline ?? found?.place ?? null;
  return {
    headline: item.headline.slice(0, 200),
    highlights,
    dateline: dateline ? draftDateline(dateline).slice(0, 60) || null : null,
    section,
    topics: topicRefsOf(topics),
    authors,
    source: { kind: 'agency', agency: wireAgencyCredit(item, found), wireId: item.agencyId.slice(0, 200) },
    lead: null,
    leadMediaId: null,
    body: bodyWithoutDateline(item.body, found),
  };
}

function blockText(b: BodyBlock): string {
  return 'text' in b ? b.text.trim() : '';
}

/**
 * The story's body followed by the wire paragraphs it does not already have; the item's lede loses its dateline
 * first, as it did when a draft was made from it, so a lede the story already has is not added again.
 */
export function bodyWithWireUpdate(current: BodyBlock[], item: WireItem): { body: BodyBlock[]; added: number } {
  const known = new Set(current.map(blockText).filter(Boolean));
  const fresh = bodyWithoutDateline(item.body, wireLeadDateline(item)).filter((b) => !known.has(blockText(b)));
  return { body: [...current, ...fresh], added: fresh.length };
}
