/** @module What readers can ask for: the home page, a story, lists, search, followed topics. Shared by HTML, feeds and API. */
import type { AuthorStore } from '../authors/author-store.js';
import type { AuthorProfile } from '../authors/author-profile.js';
import type { MediaStore } from '../media/media-library.js';
import type { Photo } from '../media/photo.js';
import type { SearchIndex, SearchScope } from '../search/search-index.js';
import { parseSearchQuery, type SearchQueryProblem } from '../search/search-query.js';
import type { SectionStore } from '../sections/section-store.js';
import type { TopicStore } from '../topics/topic-store.js';
import type { Article, ArticleSummary, NamedRef, TopicRef } from './article.js';
import type { ArticleStore, Page } from './article-store.js';

export interface ReaderDeps {
  articles: ArticleStore;
  sections: SectionStore;
  topics: TopicStore;
  authors: AuthorStore;
  search: SearchIndex;
  /** The media library, for responsive variants of the story's photos (optional: imports have none). */
  media?: Pick<MediaStore, 'findMany'>;
}

export type ArticleLookup =
  | { kind: 'found'; article: Article; next: ArticleSummary | null; related: ArticleSummary[]; photos: ReadonlyMap<string, Photo>; authorProfiles?: AuthorProfile[] }
  | { kind: 'gone' }
  | { kind: 'missing' };

export type ListOwner =
  | { kind: 'latest' }
  | { kind: 'section'; section: NamedRef & { edition: string } }
  | { kind: 'topic'; topic: TopicRef }
  | { kind: 'author'; author: AuthorProfile; photo?: Photo | null };

export const HOME_LATEST = 15;
export const SECTION_BLOCK_SIZE = 4;
export const LIST_PAGE_SIZE = 20;
export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_MAX_PAGES = 50;
const RELATED_LIMIT = 5;
/** Followed topics the Following page reads at once; the browser keeps any more it has. */
export const MAX_FOLLOWED_TOPICS = 100;

/** The library photos a story shows: its lead and the photos in its body. */
function photoIdsOf(article: Article): string[] {
  return [article.leadMediaId, ...article.body.map((b) => (b.type === 'image' ? b.mediaId : null))].filter((id): id is string => !!id);
}

export function createReaderService(deps: ReaderDeps) {
  /** An edition's home: its latest stories and a block per section of that edition. */
  async function home(edition: string) {
    const [latest, sections] = await Promise.all([deps.articles.listPublished({ limit: HOME_LATEST, edition }), deps.sections.list(edition)]);
    // Section blocks leave out what the top of the page already shows.
    // Ids first, then one summaries query for every block: 8 sections cost 8 index reads, not 8 full lists.
    const shown = new Set(latest.items.map((s) => s.id));
    const blockIds = await Promise.all(sections.map(async (section) =>
      (await deps.articles.listPublishedIds({ limit: SECTION_BLOCK_SIZE + HOME_LATEST, sectionSlug: section.slug, edition }))
        .filter((id) => !shown.has(id)).slice(0, SECTION_BLOCK_SIZE)));
    const summaries = new Map((await deps.articles.findSummariesByIds(blockIds.flat())).map((s) => [s.id, s]));
    const sectionBlocks = sections.map((section, i) => ({
      section,
      stories: (blockIds[i] ?? []).flatMap((id) => summaries.get(id) ?? []),
    }));
    return { latest: latest.items, sectionBlocks };
  }

  /** Stories sharing a topic; when none does, the latest of the story's own section, so the sidebar is never empty. */
  async function relatedOrSameSection(article: Article): Promise<ArticleSummary[]> {
    const related = await deps.articles.related(article.id, RELATED_LIMIT);
    if (related.length) return related;
    const ids = await deps.articles.listPublishedIds({ limit: RELATED_LIMIT + 1, sectionSlug: article.section.slug, edition: article.edition.id });
    return deps.articles.findSummariesByIds(ids.filter((id) => id !== article.id).slice(0, RELATED_LIMIT));
  }

  async function story(slug: string): Promise<ArticleLookup> {
    const article = await deps.articles.findPublishedBySlug(slug);
    if (!article) {
      const status = await deps.articles.statusOfSlug(slug);
      return status === 'unpublished' ? { kind: 'gone' } : { kind: 'missing' };
    }
    const [older, related, found] = await Promise.all([
      deps.articles.nextPublished(article), relatedOrSameSection(article),
      Promise.all(article.authors.map((a) => deps.authors.findBySlug(a.slug))),
    ]);
    // The bylines' profiles (role, photo, links) for the story's structured data; their photos come with the story's.
    const authorProfiles = found.filter((p): p is AuthorProfile => p !== null);
    const photoIds = [...photoIdsOf(article), ...authorProfiles.flatMap((p) => (p.photoId ? [p.photoId] : []))];
    const photos = photoIds.length && deps.media ? await deps.media.findMany(photoIds) : new Map<string, Photo>();
    // After the oldest story the stream starts again from the newest of its edition, so a reader never hits a dead end.
    const next = older ?? (await deps.articles.listPublished({ limit: 2, edition: article.edition.id })).items.find((s) => s.id !== article.id) ?? null;
    return { kind: 'found', article, next, related, photos, authorProfiles };
  }

  /** Who owns a list page; null when that section, topic or author does not exist. */
  async function listOwner(kind: ListOwner['kind'], slug: string): Promise<ListOwner | null> {
    switch (kind) {
      case 'latest':
        return { kind };
      case 'section': {
        const section = await deps.sections.findBySlug(slug);
        return section ? { kind, section } : null;
      }
      case 'topic': {
        const topic = await deps.topics.findBySlug(slug);
        return topic ? { kind, topic } : null;
      }
      case 'author': {
        const author = await deps.authors.findBySlug(slug);
        if (!author) return null;
        // The profile photo's variants (a srcset on the page, an image in its JSON-LD); gone from the library is no photo.
        const photo = author.photoId && deps.media ? (await deps.media.findMany([author.photoId])).get(author.photoId) ?? null : null;
        return { kind, author, photo };
      }
    }
  }

  /** One page of a list in one edition (a topic or author page shows that edition's stories of the topic or author). */
  async function list(owner: ListOwner, cursor: string | null, edition: string, limit = LIST_PAGE_SIZE): Promise<Page<ArticleSummary>> {
    return deps.articles.listPublished({
      limit,
      cursor,
      edition,
      ...(owner.kind === 'section' ? { sectionSlug: owner.section.slug } : {}),
      ...(owner.kind === 'topic' ? { topicSlug: owner.topic.slug } : {}),
      ...(owner.kind === 'author' ? { authorSlug: owner.author.slug } : {}),
    });
  }

  /**
   * One page of a list as whole stories (body, bylines, photos), for feeds that carry the full text.
   * A story unpublished between the list and its lookup is left out.
   */
  async function listWholeArticles(owner: ListOwner, edition: string, limit: number): Promise<{ articles: Article[]; photos: ReadonlyMap<string, Photo> }> {
    const { items } = await list(owner, null, edition, limit);
    const articles = await deps.articles.findPublishedByIds(items.map((s) => s.id));
    const photoIds = [...new Set(articles.flatMap(photoIdsOf))];
    const photos = photoIds.length && deps.media ? await deps.media.findMany(photoIds) : new Map<string, Photo>();
    return { articles, photos };
  }

  /** The library photos behind the stories' lead images, by id, for responsive thumbnails in lists. */
  async function photosOf(stories: readonly ArticleSummary[]): Promise<ReadonlyMap<string, Photo>> {
    const ids = [...new Set(stories.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])))];
    return ids.length && deps.media ? deps.media.findMany(ids) : new Map<string, Photo>();
  }

  /** Search in one edition; `problem` names what is wrong with the query (the page words it in the reader's language). */
  async function search(text: string, page: number, scope: SearchScope) {
    const query = parseSearchQuery(text);
    const empty = { query: text.trim(), results: [], total: 0, totalCapped: false, order: 'relevance' as const, page: 1, pageCount: 0 };
    if (!query.ok) return { ...empty, problem: query.reason === 'EMPTY' ? null : query.reason };
    const current = Math.min(Math.max(1, page), SEARCH_MAX_PAGES);
    const found = await deps.search.search(query.value, { limit: SEARCH_PAGE_SIZE, offset: (current - 1) * SEARCH_PAGE_SIZE }, scope);
    const summaries = await deps.articles.findSummariesByIds(found.hits.map((h) => h.articleId));
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const results = found.hits.flatMap((hit) => {
      const summary = byId.get(hit.articleId);
      return summary ? [{ summary, headline: hit.headline, snippet: hit.snippet }] : [];
    });
    const pageCount = Math.min(SEARCH_MAX_PAGES, Math.ceil(found.total / SEARCH_PAGE_SIZE));
    return { query: query.value.text, problem: null as SearchQueryProblem | null, results, total: found.total, totalCapped: found.totalCapped, order: found.order, page: current, pageCount };
  }

  /**
   * The latest stories of the followed topics, sections and authors (slugs from the reader's browser or account);
   * `unknown`, `unknownSections` and `unknownAuthors` list slugs this site does not have.
   */
  async function following(topicSlugs: string[], limit = LIST_PAGE_SIZE, sectionSlugs: string[] = [], authorSlugs: string[] = []) {
    const asked = [...new Set(topicSlugs)].slice(0, MAX_FOLLOWED_TOPICS);
    const askedSections = [...new Set(sectionSlugs)].slice(0, MAX_FOLLOWED_TOPICS);
    const askedAuthors = [...new Set(authorSlugs)].slice(0, MAX_FOLLOWED_TOPICS);
    const [found, foundSections, foundAuthors] = await Promise.all([
      Promise.all(asked.map((slug) => deps.topics.findBySlug(slug))),
      Promise.all(askedSections.map((slug) => deps.sections.findBySlug(slug))),
      Promise.all(askedAuthors.map((slug) => deps.authors.findBySlug(slug))),
    ]);
    const topics = found.filter((t): t is TopicRef => t !== null);
    const unknown = asked.filter((_, i) => found[i] === null);
    const sections = foundSections.filter((s): s is NonNullable<typeof s> => s !== null);
    const unknownSections = askedSections.filter((_, i) => foundSections[i] === null);
    const authors = foundAuthors.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => ({ slug: a.slug, name: a.name }));
    const unknownAuthors = askedAuthors.filter((_, i) => foundAuthors[i] === null);
    const lists = await Promise.all([
      ...topics.map((t) => deps.articles.listPublished({ limit, topicSlug: t.slug })),
      ...sections.map((s) => deps.articles.listPublished({ limit, sectionSlug: s.slug })),
      ...authors.map((a) => deps.articles.listPublished({ limit, authorSlug: a.slug })),
    ]);
    const seen = new Set<string>();
    const stories = lists.flatMap((l) => l.items)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .slice(0, limit);
    return { topics, stories, unknown, sections, unknownSections, authors, unknownAuthors };
  }

  return { home, story, listOwner, list, listWholeArticles, photosOf, search, following };
}

export type ReaderService = ReturnType<typeof createReaderService>;
