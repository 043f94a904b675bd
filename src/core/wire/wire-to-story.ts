/** @module Wire copy into a story: a new draft's fields with the agency's provenance, or new paragraphs for an existing story. */
import type { BodyBlock, NamedRef } from '../articles/article.js';
import { slugify } from '../shared/slug.js';
import type { SuggestedTopic } from '../topics/topic-suggester.js';
import type { ArticleFields } from '../articles/article-fields.js';
import type { WireItem } from './wire-item.js';

/** A draft from wire copy: the agency is the source (with its item id), the text is the agency's, unchanged. */
export function articleFieldsFromWire(item: WireItem, section: NamedRef, topics: SuggestedTopic[]): ArticleFields {
  const highlights = item.summary && item.summary !== item.headline ? [item.summary.slice(0, 400)] : [];
  return {
    headline: item.headline.slice(0, 200),
    highlights,
    dateline: item.dateline ? item.dateline.toUpperCase().slice(0, 60) : null,
    section,
    topics: topics.map((t) => ({ slug: slugify(t.name, 'topic'), name: t.name, kind: t.kind })),
    authors: [],
    source: { kind: 'agency', agency: (item.agency ?? item.creditline ?? 'Agency').slice(0, 100), wireId: item.agencyId.slice(0, 200) },
    lead: null,
    leadMediaId: null,
    body: item.body,
  };
}

function blockText(b: BodyBlock): string {
  return 'text' in b ? b.text.trim() : '';
}

/** The story's body followed by the wire paragraphs it does not already have. */
export function bodyWithWireUpdate(current: BodyBlock[], item: WireItem): { body: BodyBlock[]; added: number } {
  const known = new Set(current.map(blockText).filter(Boolean));
  const fresh = item.body.filter((b) => !known.has(blockText(b)));
  return { body: [...current, ...fresh], added: fresh.length };
}
