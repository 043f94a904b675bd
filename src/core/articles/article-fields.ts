/** @module The fields a newsroom editor changes, how they are checked, and what a published story must have. */
import type { ArticleSource, BodyBlock, LeadImage, NamedRef, TopicRef } from './article.js';
import { bodyText } from './article.js';

/** Everything the story editor edits; a revision's snapshot holds exactly this. */
export interface ArticleFields {
  headline: string;
  highlights: string[];
  dateline: string | null;
  section: NamedRef;
  topics: TopicRef[];
  authors: NamedRef[];
  source: ArticleSource;
  lead: LeadImage | null;
  leadMediaId: string | null;
  body: BodyBlock[];
}

export interface FieldIssue {
  path: string;
  message: string;
}

export const MAX_HIGHLIGHTS = 4;
export const MAX_HEADLINE = 200;

export function emptyArticleFields(section: NamedRef, author: NamedRef | null): ArticleFields {
  return {
    headline: '', highlights: [], dateline: null, section, topics: [], authors: author ? [author] : [],
    source: { kind: 'staff' }, lead: null, leadMediaId: null, body: [],
  };
}

/** Problems that stop any save (a draft may be incomplete, but never malformed). */
export function draftIssues(fields: ArticleFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (fields.headline.length > MAX_HEADLINE) issues.push({ path: 'headline', message: `The headline is longer than ${MAX_HEADLINE} characters.` });
  if (fields.highlights.length > MAX_HIGHLIGHTS) issues.push({ path: 'highlights', message: `A story has at most ${MAX_HIGHLIGHTS} highlights.` });
  fields.highlights.forEach((h, i) => {
    if (h.length > 400) issues.push({ path: `highlights.${i}`, message: `Highlight ${i + 1} is longer than 400 characters.` });
  });
  if (fields.lead && fields.lead.url && !fields.lead.alt.trim()) issues.push({ path: 'lead.alt', message: 'The lead photo needs alt text for readers who cannot see it.' });
  fields.body.forEach((b, i) => {
    if (b.type === 'image' && !b.alt.trim()) issues.push({ path: `body.${i}.alt`, message: `The photo in paragraph ${i + 1} needs alt text.` });
  });
  return issues;
}

/** What a story needs before readers can see it. */
export function publishIssues(fields: ArticleFields): FieldIssue[] {
  const issues = draftIssues(fields);
  if (!fields.headline.trim()) issues.push({ path: 'headline', message: 'A published story needs a headline.' });
  if (fields.highlights.length < 1) issues.push({ path: 'highlights', message: 'A published story needs at least one highlight.' });
  if (!bodyText(fields.body).trim()) issues.push({ path: 'body', message: 'A published story needs a body.' });
  if (fields.authors.length === 0 && fields.source.kind === 'staff') issues.push({ path: 'authors', message: 'A staff story needs a byline.' });
  return issues;
}

/** Trims text fields and drops empty highlights, so "  " never becomes a highlight; the section is its slug and name only. */
export function tidyArticleFields(fields: ArticleFields): ArticleFields {
  return {
    ...fields,
    section: { slug: fields.section.slug, name: fields.section.name },
    headline: fields.headline.replace(/\s+/g, ' ').trim(),
    highlights: fields.highlights.map((h) => h.replace(/\s+/g, ' ').trim()).filter((h) => h.length > 0),
    dateline: fields.dateline?.trim() ? fields.dateline.trim().toUpperCase() : null,
  };
}
