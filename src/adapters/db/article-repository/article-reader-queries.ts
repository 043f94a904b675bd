/** @module The article repository's reader side over Kysely: imports' inserts and every published-story query (SQLite and PostgreSQL alike). */
import { sql, type Kysely } from 'kysely';
import type { Article, ArticleStatus } from '../../../core/articles/article.js';
import type { ArticleStore, ListQuery, NewArticle, Page } from '../../../core/articles/article-store.js';
import type { ArticleWorkflowStore } from '../../../core/articles/article-workflow-store.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { Database } from '../database.js';
import { inTransaction } from '../join-transaction.js';
import type { SearchWriter } from '../../search/search-writer.js';
import {
  decodeCursor, editionRefFromRow, encodeCursor, fromIso, leadImageFromRow, parseBody, parseHighlights,
  sourceFromRow, summaryColumns, summaryFromRow, toIso, type SummaryRow,
} from './article-rows.js';
import type { NamedRef, TopicRef, Translation } from '../../../core/articles/article.js';
import { insertArticleRows, type IdCache } from './article-writes.js';
import { readArticleLinks, readLinksOfArticles } from './article-link-rows.js';

/** A page cursor from a reader's URL; one that does not decode is refused, never read as "first page" (that would let any string become a cached page). */
function cursorOf(cursor: string | null | undefined): { updatedAt: string; id: string } | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new DomainError('VALIDATION_FAILED', 'This page link is not valid.', { cursor });
  return decoded;
}

/** How many of each topic's latest stories the related-stories pick looks at. */
const RELATED_WINDOW = 30;

/** ArticleStore's methods but the newsroom's workflow (article-workflow-queries.ts). */
export type ArticleReaderQueries = Omit<ArticleStore, keyof ArticleWorkflowStore | 'listPublicCorrections'>;

/** `onCommit` runs after every committed write, so caches in this process can drop what it changed. */
export function createArticleReaderQueries(db: Kysely<Database>, search: SearchWriter, onCommit: () => void): ArticleReaderQueries {
  async function insert(article: NewArticle): Promise<void> {
    await inTransaction(db, (trx) => insertArticleRows(trx, article, new Map(), search));
    onCommit();
  }

  /** The bulk path (archive migrations, the benchmark corpus): one transaction for the whole batch, all or nothing. */
  async function insertMany(articles: NewArticle[]): Promise<void> {
    await inTransaction(db, async (trx) => {
      const cache: IdCache = new Map();
      for (const article of articles) await insertArticleRows(trx, article, cache, search);
    });
    onCommit();
  }

  /** Published articles with their section, short link and edition, for whole-story reads. */
  function publishedArticleRows() {
    return db.selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('short_links', 'short_links.article_id', 'articles.id')
      .leftJoin('editions', 'editions.id', 'articles.edition_id')
      .selectAll('articles')
      .select(['sections.slug as section_slug', 'sections.name as section_name', 'short_links.code as short_code',
        'editions.language as edition_language', 'editions.direction as edition_direction', 'editions.position as edition_position'])
      .where('articles.status', '=', 'published');
  }

  type PublishedArticleRow = Awaited<ReturnType<ReturnType<typeof publishedArticleRows>['executeTakeFirstOrThrow']>>;

  function articleFromRow(row: PublishedArticleRow, links: { topics: TopicRef[]; authors: NamedRef[] }): Article {
    return {
      id: row.id, slug: row.slug, headline: row.headline, highlights: parseHighlights(row.highlights),
      dateline: row.dateline, body: parseBody(row.body), lead: leadImageFromRow(row),
      section: { slug: row.section_slug, name: row.section_name },
      topics: links.topics,
      authors: links.authors, source: sourceFromRow(row), status: row.status as ArticleStatus,
      firstPublishedAt: row.first_published_at ? fromIso(row.first_published_at) : null,
      updatedAt: row.updated_at ? fromIso(row.updated_at) : null,
      updateNote: row.update_note, minorEdit: row.minor_edit === 1, shortCode: row.short_code,
      leadMediaId: row.lead_media_id, edition: editionRefFromRow(row), modifiedAt: fromIso(row.modified_at),
    };
  }

  async function findPublishedBySlug(slug: string): Promise<Article | null> {
    const row = await publishedArticleRows().where('articles.slug', '=', slug).executeTakeFirst();
    if (!row) return null;
    const [links, corrections, translations] = await Promise.all([
      readArticleLinks(db, row.id, true),
      db.selectFrom('corrections').select(['note', 'created_at']).where('article_id', '=', row.id).orderBy('created_at').execute(),
      row.translation_group ? translationsOf(row.translation_group, row.id) : Promise.resolve([]),
    ]);
    return { ...articleFromRow(row, links), corrections: corrections.map((c) => ({ note: c.note, createdAt: fromIso(c.created_at) })), translations };
  }

  /** Whole published stories in three queries however many: the rows, then every topic and byline at once. */
  async function findPublishedByIds(ids: string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await publishedArticleRows().where('articles.id', 'in', ids).execute();
    const links = await readLinksOfArticles(db, rows.map((r) => r.id), true);
    const byId = new Map(rows.map((r) => [r.id, articleFromRow(r, links.get(r.id) ?? { topics: [], authors: [] })]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The published stories of a translation group but one, in edition order. */
  async function translationsOf(group: string, exceptId: string): Promise<Translation[]> {
    const rows = await db.selectFrom('articles').leftJoin('editions', 'editions.id', 'articles.edition_id')
      .select(['articles.slug', 'articles.headline', 'articles.edition_id', 'editions.language as edition_language',
        'editions.direction as edition_direction', 'editions.position as edition_position'])
      .where('articles.translation_group', '=', group).where('articles.status', '=', 'published').where('articles.id', '!=', exceptId)
      .orderBy('editions.position').execute();
    return rows.map((r) => ({ slug: r.slug, headline: r.headline, edition: editionRefFromRow(r) }));
  }

  /** A topic's or author's stories, newest first, read in index order from the link table's story_updated_at. */
  async function listByLink(
    link: 'article_topics' | 'article_authors', key: 'topic_id' | 'author_id', owners: 'topics' | 'authors', slug: string, query: ListQuery,
  ): Promise<Page<ReturnType<typeof summaryFromRow>>> {
    const owner = await db.selectFrom(owners).select('id').where('slug', '=', slug).executeTakeFirst();
    if (!owner) return { items: [], next: null };
    const cursor = cursorOf(query.cursor);
    let ids = db.selectFrom(link).select(['article_id', 'story_updated_at'])
      .where(key, '=', owner.id).where('story_updated_at', 'is not', null);
    // A topic page lists only the stories an editor (or a confident suggestion) gave it.
    if (link === 'article_topics') ids = ids.where(sql<boolean>`accepted = 1`);
    if (query.edition) {
      const edition = query.edition;
      ids = ids.where('article_id', 'in', (eb) => eb.selectFrom('articles').select('articles.id').where('articles.edition_id', '=', edition));
    }
    if (cursor) {
      ids = ids.where('story_updated_at', '<=', cursor.updatedAt).where((eb) => eb.or([
        eb('story_updated_at', '<', cursor.updatedAt),
        eb('article_id', '<', cursor.id),
      ]));
    }
    const rows = await ids.orderBy('story_updated_at', 'desc').orderBy('article_id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const items = await findSummariesByIds(page.map((r) => r.article_id));
    return { items, next: rows.length > query.limit && last ? encodeCursor(last.story_updated_at ?? '', last.article_id) : null };
  }

  /** Looked up by primary key only; the status is checked on the rows, so no planner can prefer the status index and scan. */
  async function findSummariesByIds(ids: string[]): Promise<ReturnType<typeof summaryFromRow>[]> {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('articles').innerJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('editions', 'editions.id', 'articles.edition_id')
      .select([...summaryColumns, 'articles.status']).where('articles.id', 'in', ids).execute();
    const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, summaryFromRow(r as SummaryRow)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The stream in index order: ids from the articles table alone (index status, updated_at, id, or the
   * section's), then summaries by primary key. Joining sections in the ordered query let SQLite's planner,
   * once it had statistics, loop over sections and sort every older story (O(N) per page).
   */
  async function streamIds(query: { limit: number; sectionSlug?: string | undefined; edition?: string | undefined; after?: { updatedAt: string; id: string } | null }) {
    let q = db.selectFrom('articles').select(['articles.id', 'articles.updated_at']).where('articles.status', '=', 'published');
    if (query.edition) q = q.where('articles.edition_id', '=', query.edition);
    if (query.sectionSlug) {
      const slug = query.sectionSlug;
      q = q.where('articles.section_id', '=', (eb) => eb.selectFrom('sections').select('sections.id').where('sections.slug', '=', slug));
    }
    const after = query.after;
    if (after) {
      // The redundant `<=` bounds the index range; the OR alone makes the planner walk from the newest story down.
      q = q.where('articles.updated_at', '<=', after.updatedAt).where((eb) => eb.or([
        eb('articles.updated_at', '<', after.updatedAt),
        eb('articles.id', '<', after.id),
      ]));
    }
    return q.orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(query.limit).execute();
  }

  async function listPublished(query: ListQuery): Promise<Page<ReturnType<typeof summaryFromRow>>> {
    if (query.topicSlug) return listByLink('article_topics', 'topic_id', 'topics', query.topicSlug, query);
    if (query.authorSlug) return listByLink('article_authors', 'author_id', 'authors', query.authorSlug, query);
    const after = cursorOf(query.cursor);
    const rows = await streamIds({ limit: query.limit + 1, after, sectionSlug: query.sectionSlug, edition: query.edition });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const next = rows.length > query.limit && last ? encodeCursor(last.updated_at ?? '', last.id) : null;
    return { items: await findSummariesByIds(page.map((r) => r.id)), next };
  }


  return {
    insert,
    insertMany,
    findPublishedBySlug,
    findPublishedByIds,
    listPublished,
    async statusOfSlug(slug) {
      const row = await db.selectFrom('articles').select('status').where('slug', '=', slug).executeTakeFirst();
      return row ? (row.status as ArticleStatus) : null;
    },
    async findByContentKey(contentKey) {
      const row = await db.selectFrom('articles').select(['id', 'slug']).where('content_key', '=', contentKey).executeTakeFirst();
      return row ?? null;
    },
    async isSlugTaken(slug) {
      return (await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
    },
    async isShortCodeTaken(code) {
      return (await db.selectFrom('short_links').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
    },
    async nextPublished(article) {
      if (!article.updatedAt) return null;
      const [row] = await streamIds({ limit: 1, after: { updatedAt: toIso(article.updatedAt), id: article.id }, edition: article.edition?.id });
      return row ? ((await findSummariesByIds([row.id]))[0] ?? null) : null;
    },
    /** Stories sharing the most topics with this one among each topic's latest RELATED_WINDOW: bounded work however big a topic is. */
    async related(articleId, limit) {
      const topicIds = await db.selectFrom('article_topics').select('topic_id').where('article_id', '=', articleId).where('accepted', '=', 1).execute();
      const score = new Map<string, { shared: number; at: string }>();
      for (const { topic_id } of topicIds) {
        const recent = await db.selectFrom('article_topics').select(['article_id', 'story_updated_at'])
          .where('topic_id', '=', topic_id).where('story_updated_at', 'is not', null).where('accepted', '=', 1)
          .orderBy('story_updated_at', 'desc').orderBy('article_id', 'desc').limit(RELATED_WINDOW).execute();
        for (const row of recent) {
          if (row.article_id === articleId) continue;
          const seen = score.get(row.article_id);
          score.set(row.article_id, { shared: (seen?.shared ?? 0) + 1, at: row.story_updated_at ?? '' });
        }
      }
      const own = await db.selectFrom('articles').select('edition_id').where('id', '=', articleId).executeTakeFirst();
      const best = [...score].sort(([, a], [, b]) => b.shared - a.shared || b.at.localeCompare(a.at)).map(([id]) => id);
      // Topics are shared by every edition; related stories are the reader's own edition's.
      const found = await findSummariesByIds(best.slice(0, limit * 3));
      return found.filter((s) => !own || s.edition.id === own.edition_id).slice(0, limit);
    },
    async listFirstPublishedSince(since, limit, edition) {
      let q = db.selectFrom('articles').select('id').where('status', '=', 'published');
      if (edition) q = q.where('edition_id', '=', edition);
      const rows = await q.where('first_published_at', '>=', toIso(since)).orderBy('first_published_at', 'desc').limit(limit).execute();
      return findSummariesByIds(rows.map((r) => r.id));
    },
    async listPublishedMonths(edition) {
      let q = db.selectFrom('articles')
        .select((eb) => [
          eb.fn<string>('substr', ['first_published_at', eb.val(1), eb.val(7)]).as('month'), eb.fn.max('updated_at').as('last'),
          eb.fn.countAll<number>().as('n'), eb.fn.max(eb.fn<number>('length', ['slug'])).as('longest'), eb.fn.count<number>('translation_group').as('translated'),
        ])
        .where('status', '=', 'published');
      if (edition) q = q.where('edition_id', '=', edition);
      const rows = await q.groupBy('month').orderBy('month', 'desc').execute();
      return rows.map((r) => ({ month: r.month, lastModified: fromIso(String(r.last)), count: Number(r.n), longestSlug: Number(r.longest), translated: Number(r.translated) }));
    },
    async listPublishedInMonth(month, edition) {
      let q = db.selectFrom('articles').select(['slug', 'updated_at', 'translation_group'])
        .where('status', '=', 'published');
      if (edition) q = q.where('edition_id', '=', edition);
      const rows = await q.where('first_published_at', '>=', `${month}-01`).where('first_published_at', '<', nextMonth(month))
        .orderBy('first_published_at').orderBy('id').execute();
      return rows.map((r) => (r.translation_group
        ? { slug: r.slug, updatedAt: fromIso(r.updated_at ?? ''), translationGroup: r.translation_group }
        : { slug: r.slug, updatedAt: fromIso(r.updated_at ?? '') }));
    },
    async listTranslations(groups) {
      if (groups.length === 0) return [];
      const rows = await db.selectFrom('articles').leftJoin('editions', 'editions.id', 'articles.edition_id')
        .select(['articles.slug', 'articles.translation_group', 'articles.edition_id', 'editions.language as edition_language',
          'editions.direction as edition_direction', 'editions.position as edition_position'])
        .where('articles.translation_group', 'in', groups).where('articles.status', '=', 'published').execute();
      return rows.map((r) => ({ group: r.translation_group ?? '', slug: r.slug, edition: editionRefFromRow(r) }));
    },
    async countPublished(edition) {
      let q = db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published');
      if (edition) q = q.where('edition_id', '=', edition);
      const row = await q.executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findShortLinkTarget(code) {
      const row = await db.selectFrom('short_links').innerJoin('articles', 'articles.id', 'short_links.article_id')
        .leftJoin('editions', 'editions.id', 'articles.edition_id')
        .select(['articles.slug', 'articles.status', 'articles.edition_id', 'editions.language as edition_language', 'editions.direction as edition_direction', 'editions.position as edition_position'])
        .where('short_links.code', '=', code)
        .executeTakeFirst();
      return row ? { slug: row.slug, edition: editionRefFromRow(row), status: row.status as ArticleStatus } : null;
    },
    async findSlugByShortCode(code) {
      const row = await db.selectFrom('short_links').innerJoin('articles', 'articles.id', 'short_links.article_id')
        .select('articles.slug').where('short_links.code', '=', code).where('articles.status', '=', 'published')
        .executeTakeFirst();
      return row?.slug ?? null;
    },
    findSummariesByIds,
    async listPublishedIds(query) {
      return (await streamIds(query)).map((r) => r.id);
    },
  };
}

/** "2025-01" → "2025-02"; "2025-12" → "2026-01". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
