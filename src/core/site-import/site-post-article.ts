/** @module A site post as a Dateline story: the new article to insert, or the change that brings an imported one up to date. */
import type { ArticleStatus, NamedRef } from '../articles/article.js';
import type { NewArticle } from '../articles/article-store.js';
import type { ArticleChange } from '../articles/article-workflow-store.js';
import type { ArticleFields } from '../articles/article-fields.js';
import { cleanDeep, cleanLine } from '../shared/clean-text.js';
import type { SitePost } from './site-post.js';

/** A highlight is at most 400 characters (article-fields.ts): a longer excerpt is cut at a word. */
const MAX_HIGHLIGHT = 400;

export function highlightsOf(excerpt: string): string[] {
  const text = cleanLine(excerpt).trim();
  if (!text) return [];
  if (text.length <= MAX_HIGHLIGHT) return [text];
  const cut = text.slice(0, MAX_HIGHLIGHT - 1);
  const space = cut.lastIndexOf(' ');
  return [`${(space > MAX_HIGHLIGHT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`];
}

/** The post's times as the story keeps them: first published and updated (never before first published). */
export function publicTimesOf(post: SitePost): { first: Date | null; updated: Date | null } {
  if (post.status !== 'published' || !post.publishedAt) return { first: null, updated: null };
  const first = post.publishedAt;
  const updated = post.modifiedAt && post.modifiedAt.getTime() > first.getTime() ? post.modifiedAt : first;
  return { first, updated };
}

/** The post's text as it may enter (clean-text.ts): NFC, no control characters, one-line names. */
export function fieldsOf(post: SitePost, defaultSection: NamedRef): ArticleFields {
  const named = (ref: NamedRef): NamedRef => ({ slug: ref.slug, name: cleanLine(ref.name).trim() || ref.slug });
  return {
    headline: cleanLine(post.title).trim() || '(untitled)',
    highlights: highlightsOf(post.excerpt),
    dateline: null,
    section: named(post.section ?? defaultSection),
    topics: post.topics.map((t) => ({ ...named(t), kind: 'subject' as const })),
    authors: post.authors.map(named),
    source: { kind: 'staff' },
    lead: post.lead ? cleanDeep(post.lead) : null,
    leadMediaId: post.leadMediaId ?? null,
    body: cleanDeep(post.body),
  };
}

export interface NewArticleIds {
  id: string;
  slug: string;
  shortCode: string;
  revisionId: string;
  createdAt: Date;
  edition?: string;
}

/** The new story; a scheduled post is stored as a draft first and scheduled by `scheduleChange` in the same batch. */
export function newArticleOf(post: SitePost, defaultSection: NamedRef, ids: NewArticleIds): NewArticle {
  const fields = fieldsOf(post, defaultSection);
  const times = publicTimesOf(post);
  const status: ArticleStatus = post.status === 'scheduled' ? 'draft' : post.status;
  return {
    id: ids.id, slug: ids.slug, headline: fields.headline, highlights: fields.highlights, dateline: null, body: fields.body, lead: fields.lead,
    section: fields.section, topics: fields.topics, authors: fields.authors, source: fields.source, status,
    firstPublishedAt: times.first, updatedAt: times.updated, updateNote: null, contentKey: post.sourceKey,
    shortCode: ids.shortCode, createdAt: ids.createdAt, revisionId: ids.revisionId, actor: 'import', leadMediaId: fields.leadMediaId,
    ...(ids.edition ? { edition: ids.edition } : {}),
  };
}

const ANY_STATUS: readonly ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];

/** The change that makes an imported story what the post now says (its status, times and fields), as one revision by the import. */
export function postChange(post: SitePost, articleId: string, defaultSection: NamedRef, revision: { id: string; createdAt: Date }): ArticleChange {
  const times = publicTimesOf(post);
  const scheduled = post.status === 'scheduled';
  return {
    id: articleId, expectedVersion: null, fromStatuses: ANY_STATUS, status: post.status, fields: fieldsOf(post, defaultSection),
    firstPublishedAt: times.first, updatedAt: times.updated, updateNote: null, minorEdit: false,
    scheduledAt: scheduled ? post.publishedAt : null, modifiedBy: null,
    revision: { id: revision.id, kind: scheduled ? 'scheduled' : post.status === 'published' ? 'updated' : 'saved', actor: 'import', note: null, createdAt: revision.createdAt },
  };
}
