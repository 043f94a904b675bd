/** @module The story sitemaps of one edition: a month's stories, oldest first, cut into files within the protocol's limits. */
import { articlePath } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import type { HttpDeps } from '../http-deps.js';
import { SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS, splitSitemapLines, surelyFitsOneFile, monthPartFile, type PartRange, type SitemapLimits } from './sitemap-parts.js';
import { urlLine, wrapUrlSet, type SitemapEntry } from './sitemaps.js';
import { escapeXml } from './xml-escape.js';
import { latestIn } from '../site/list-last-modified.js';

/** Translation groups looked up per query: far below SQLite's and PostgreSQL's limits on bound parameters. */
const GROUPS_PER_QUERY = 5_000;

const LIMITS: SitemapLimits = { maxUrls: SITEMAP_MAX_URLS, maxBytes: SITEMAP_MAX_BYTES, wrapperBytes: Buffer.byteLength(wrapUrlSet([], true), 'utf8') };

type Deps = Pick<HttpDeps, 'articles' | 'editions'>;

export interface MonthSitemapPart {
  body: string;
  lastModified: Date | null;
}

export function createMonthSitemaps(deps: Deps, url: (path: string) => string) {
  /** How many files each month took when last measured, while its count and last change stay the same. */
  const measured = new Map<string, { count: number; lastModified: number; parts: number }>();

  async function monthEntries(edition: Edition, month: string): Promise<SitemapEntry[]> {
    const stories = await deps.articles.listPublishedInMonth(month, edition.id);
    const groups = [...new Set(stories.flatMap((s) => (s.translationGroup ? [s.translationGroup] : [])))];
    const byGroup = new Map<string, Awaited<ReturnType<Deps['articles']['listTranslations']>>>();
    for (let i = 0; i < groups.length; i += GROUPS_PER_QUERY) {
      for (const t of await deps.articles.listTranslations(groups.slice(i, i + GROUPS_PER_QUERY))) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t]);
    }
    return stories.map((s) => ({
      loc: url(articlePath({ slug: s.slug, edition })), lastmod: s.updatedAt,
      ...(s.translationGroup ? { alternates: storyAlternates(byGroup.get(s.translationGroup) ?? [], deps.editions, url) } : {}),
    }));
  }

  async function measure(edition: Edition, month: string): Promise<{ entries: SitemapEntry[]; lines: string[]; parts: PartRange[] }> {
    const entries = await monthEntries(edition, month);
    const lines = entries.map(urlLine);
    return { entries, lines, parts: splitSitemapLines(lines, LIMITS) };
  }

  /** The files of every month, newest month first, each dated by its month's last change. */
  async function index(edition: Edition): Promise<SitemapEntry[]> {
    const months = await deps.articles.listPublishedMonths(edition.id);
    const urlBaseBytes = Buffer.byteLength(escapeXml(url(`${edition.pathPrefix}/article/`)), 'utf8');
    const files: SitemapEntry[] = [];
    for (const m of months) {
      const key = `${edition.id}/${m.month}`;
      const known = measured.get(key);
      let parts = 1;
      if (known && known.count === m.count && known.lastModified === m.lastModified.getTime()) parts = known.parts;
      else if (!surelyFitsOneFile(m, urlBaseBytes, LIMITS)) {
        parts = (await measure(edition, m.month)).parts.length;
        measured.set(key, { count: m.count, lastModified: m.lastModified.getTime(), parts });
      }
      for (let part = 1; part <= parts; part++) files.push({ loc: url(`${edition.pathPrefix}/sitemaps/${monthPartFile(m.month, part)}`), lastmod: m.lastModified });
    }
    return files;
  }

  /** One file of a month; null when the month has no stories or not that many files. */
  async function part(edition: Edition, month: string, number: number): Promise<MonthSitemapPart | null> {
    const { entries, lines, parts } = await measure(edition, month);
    const range = parts[number - 1];
    if (!range || range.end === range.start) return null;
    const shown = entries.slice(range.start, range.end);
    return { body: wrapUrlSet(lines.slice(range.start, range.end), shown.some((e) => (e.alternates?.length ?? 0) > 0)), lastModified: latestIn(shown.map((e) => e.lastmod)) };
  }

  return { index, part };
}

/** A story's versions in every edition (itself included) and x-default: the first edition's version, else the story's own. */
function storyAlternates(group: { slug: string; edition: { id: string; language: string; pathPrefix: string } }[], editions: Deps['editions'], url: (path: string) => string): { hreflang: string; href: string }[] {
  const known = group.filter((t) => editions.byId(t.edition.id) !== null);
  if (known.length < 2) return [];
  const sorted = [...known].sort((a, b) => (editions.byId(a.edition.id)?.position ?? 0) - (editions.byId(b.edition.id)?.position ?? 0));
  const links = sorted.map((t) => ({ hreflang: t.edition.language, href: url(articlePath(t)) }));
  return [...links, { hreflang: 'x-default', href: links[0]?.href ?? '' }];
}
