/** @module WXR records as site posts: WordPress's post statuses, dates, authors, categories, tags, featured images and old addresses. */
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { LeadImage, NamedRef } from '../../core/articles/article.js';
import { isBodyImageUrl } from '../../core/articles/body-image-url.js';
import { slugify } from '../../core/shared/slug.js';
import { normaliseOldPath, STATIC_PAGE_SLUGS, type SiteExportRecord, type SitePost, type SitePostStatus } from '../../core/site-import/site-post.js';
import { htmlToBodyBlocks } from '../wire/wire-html-blocks.js';
import { bodySchema } from '../validation/body-block-schema.js';
import { wordpressBody } from './wordpress-body.js';
import type { WxrItem, WxrRecord } from './wxr-stream.js';

/** WordPress post statuses as workflow states; a private post is kept in the newsroom only, as a draft. Trash is left out. */
const STATUSES: Record<string, SitePostStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', 'auto-draft': 'draft', pending: 'in_review', private: 'draft' };

export interface Attachment { url: string; alt: string; caption: string }

/** What the channel says before its items, gathered as the file streams by. */
export interface WordPressSite {
  host: string;
  authors: Map<string, NamedRef>;
  /** Category nicename (as exported) → its archive path segments (parents first). */
  categories: Map<string, { name: string; parent: string }>;
  attachments: Map<string, Attachment>;
}

export function emptySite(attachments: Map<string, Attachment>): WordPressSite {
  return { host: '', authors: new Map(), categories: new Map(), attachments };
}

function decodedSlug(nicename: string, name: string): string {
  let text = nicename;
  try {
    text = decodeURIComponent(nicename);
  } catch {
    // Kept as exported.
  }
  return slugify(text || name, 'news');
}

/** `0000-00-00 00:00:00` (a draft never published) is no time; a GMT field is read as UTC. */
function gmtTime(value: string | undefined): Date | null {
  if (!value || value.startsWith('0000')) return null;
  const time = new Date(`${value.trim().replace(' ', 'T')}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** Bidirectional embeddings, overrides and isolates: in a headline they can show its words in another order than they are. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A title as text: WordPress titles may hold markup (`Title <em>With</em> Markup`) and character references. */
function titleText(raw: string): string {
  const text = /<[a-z/!]/i.test(raw) ? plainText(raw) : decodeHTML(raw);
  return text.replace(BIDI_CONTROLS, '').trim();
}

function plainText(html: string): string {
  return htmlToBodyBlocks(html).blocks.map((b) => ('text' in b ? b.text : '')).filter(Boolean).join(' ');
}

/** The post's own addresses: its permalink's path (with its query when the site used plain links) and `?p=ID` (`?page_id=ID` for a page). */
function postPaths(item: WxrItem, id: string, query: 'p' | 'page_id' = 'p'): string[] {
  const paths = new Set<string>([`?${query}=${id}`]);
  for (const field of ['link', 'guid']) {
    const value = item.fields.get(field)?.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      const p = url.searchParams.get(query);
      if (p) paths.add(`?${query}=${p}`);
      else if (field === 'link' && url.pathname !== '/') paths.add(normaliseOldPath(url.pathname));
    } catch {
      // Not a URL: nothing to redirect from.
    }
  }
  return [...paths];
}

function leadFrom(attachment: Attachment | undefined): LeadImage | null {
  if (!attachment || !isBodyImageUrl(attachment.url)) return null;
  return { url: attachment.url, caption: attachment.caption, credit: null, alt: attachment.alt || attachment.caption, width: null, height: null };
}

function leadOf(item: WxrItem, site: WordPressSite): LeadImage | null {
  const thumbnail = item.meta.get('_thumbnail_id')?.trim();
  return leadFrom(thumbnail ? site.attachments.get(thumbnail) : undefined);
}

function digestOf(item: WxrItem, lead: LeadImage | null): string {
  const hash = createHash('sha256');
  for (const [k, v] of [...item.fields].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${k}\u0000${v}\u0000`);
  hash.update(JSON.stringify(item.terms));
  hash.update(JSON.stringify(lead));
  return hash.digest('hex');
}

/** One `post` item as a site post, or why it cannot be one. */
export function wordpressPost(item: WxrItem, site: WordPressSite): SiteExportRecord {
  const f = (name: string): string => item.fields.get(name) ?? '';
  const id = f('wp:post_id').trim();
  const problem = (message: string): SiteExportRecord => ({ kind: 'problem', problem: { line: item.line, id: id || null, message } });
  if (!/^\d+$/.test(id)) return problem('the item has no wp:post_id');
  // A password-protected post was never public: it stays in the newsroom.
  const status = f('wp:post_password').trim() && f('wp:status').trim() === 'publish' ? 'draft' : STATUSES[f('wp:status').trim()];
  if (!status) return problem(`post ${id} has the status ${JSON.stringify(f('wp:status'))}, which has no workflow state`);
  const pubDate = f('pubDate') ? new Date(f('pubDate')) : null;
  const publishedAt = gmtTime(f('wp:post_date_gmt')) ?? (pubDate && !Number.isNaN(pubDate.getTime()) ? pubDate : null);
  if ((status === 'published' || status === 'scheduled') && !publishedAt) return problem(`post ${id} is ${status} but has no publication date`);
  const login = f('dc:creator').trim();
  const author = login ? site.authors.get(login) ?? { slug: slugify(login, 'author'), name: login } : null;
  const categories = item.terms.filter((t) => t.domain === 'category').map((t) => ({ slug: decodedSlug(t.nicename, t.name), name: decodeHTML(t.name) }));
  const tags = item.terms.filter((t) => t.domain === 'post_tag').map((t) => ({ slug: decodedSlug(t.nicename, t.name), name: decodeHTML(t.name) }));
  const lead = leadOf(item, site);
  const post: SitePost = {
    sourceKey: `wordpress:${site.host}:${id}`, sourceId: id, line: item.line,
    title: titleText(f('title')), slug: f('wp:post_name').trim() ? decodedSlug(f('wp:post_name').trim(), '') : '', status,
    publishedAt, modifiedAt: gmtTime(f('wp:post_modified_gmt')),
    authors: author ? [author] : [], section: categories[0] ?? null,
    topics: [...categories.slice(1), ...tags].filter((t, i, all) => all.findIndex((o) => o.slug === t.slug) === i),
    excerpt: plainText(f('excerpt:encoded')), body: wordpressBody(f('content:encoded')).blocks, lead,
    oldPaths: postPaths(item, id), digest: digestOf(item, lead),
  };
  const fits = bodySchema.safeParse(post.body);
  if (!fits.success) return problem(`post ${id} ("${post.title}") does not fit a story body: ${fits.error.issues[0]?.message ?? 'invalid'} (at ${fits.error.issues[0]?.path.join('.') || 'the body'})`);
  return { kind: 'post', post };
}

/**
 * A published page whose slug names one of an edition's static pages (About, Contact, Corrections policy, Privacy)
 * becomes that page; other pages are counted and left out (Dateline has no free-form pages).
 */
export function wordpressPage(item: WxrItem, site: WordPressSite): SiteExportRecord {
  const f = (name: string): string => item.fields.get(name) ?? '';
  const id = f('wp:post_id').trim();
  const kind = STATIC_PAGE_SLUGS[decodedSlug(f('wp:post_name').trim(), '')];
  if (!/^\d+$/.test(id) || !kind || f('wp:status').trim() !== 'publish' || f('wp:post_password').trim()) return { kind: 'skipped', what: 'pages', count: 1 };
  const body = wordpressBody(f('content:encoded')).blocks;
  if (!bodySchema.safeParse(body).success || body.length === 0) return { kind: 'skipped', what: 'pages', count: 1 };
  return {
    kind: 'page',
    page: { sourceKey: `wordpress:${site.host}:${id}`, sourceId: id, line: item.line, kind, title: titleText(f('title')).slice(0, 120) || kind, body, oldPaths: postPaths(item, id, 'page_id') },
  };
}

/** Archive addresses of a category, tag or author: the default WordPress bases (`/category/…`, `/tag/…`, `/author/…`) and query forms. */
function termUrls(record: Extract<WxrRecord, { kind: 'author' | 'category' | 'tag' | 'term' }>, site: WordPressSite): SiteExportRecord[] {
  const f = (name: string): string => record.fields.get(name) ?? '';
  const urls = (paths: string[], kind: 'section' | 'topic' | 'author', target: string): SiteExportRecord[] =>
    paths.map((path) => ({ kind: 'term-url', url: { path, kind, target } }));
  if (record.kind === 'author') {
    const login = f('wp:author_login');
    const name = decodeHTML(f('wp:author_display_name')) || login;
    const ref = { slug: slugify(name, 'author'), name };
    site.authors.set(login, ref);
    // WordPress's author archive is at the user's nicename, which the export leaves out: it is the login made
    // URL-safe (lower case, anything else a hyphen), so both forms are kept, and the `?author=ID` form.
    const nicename = login.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    const id = f('wp:author_id').trim();
    const paths = [...new Set([normaliseOldPath(`/author/${login}`), ...(nicename ? [normaliseOldPath(`/author/${nicename}`)] : []), ...(/^\d+$/.test(id) ? [`?author=${id}`] : [])])];
    return urls(paths, 'author', ref.slug);
  }
  if (record.kind === 'category') {
    const nicename = f('wp:category_nicename');
    site.categories.set(nicename, { name: f('wp:cat_name'), parent: f('wp:category_parent') });
    const chain: string[] = [nicename];
    for (let parent = f('wp:category_parent'); parent && chain.length < 10; parent = site.categories.get(parent)?.parent ?? '') chain.unshift(parent);
    const paths = [normaliseOldPath(`/category/${chain.join('/')}`), ...(f('wp:term_id') ? [`?cat=${f('wp:term_id')}`] : [])];
    const slug = decodedSlug(nicename, f('wp:cat_name'));
    return [...urls(paths, 'section', slug), ...urls(paths, 'topic', slug)];
  }
  if (record.kind === 'tag') {
    const raw = f('wp:tag_slug');
    const slug = decodedSlug(raw, f('wp:tag_name'));
    return urls([normaliseOldPath(`/tag/${raw}`), `?tag=${slug}`], 'topic', slug);
  }
  return [];
}

/** An attachment item as a featured image's source; null when it names no file. */
function attachmentOf(item: WxrItem): Attachment | null {
  const f = (name: string): string => item.fields.get(name) ?? '';
  const url = f('wp:attachment_url').trim() || f('guid').trim();
  return url ? { url, alt: item.meta.get('_wp_attachment_image_alt')?.trim() ?? '', caption: plainText(f('excerpt:encoded')) } : null;
}

/**
 * Site posts and archive addresses of a WXR stream, in one pass: each post is handed on as it is read, so the first
 * stories are stored (and served) seconds into a file of any size. A featured image whose attachment the file names
 * later (WordPress writes an upload after the post it was made for) follows as a `lead` record once it is known;
 * only those posts' keys are held meanwhile.
 */
export async function* wordpressRecords(records: AsyncIterable<WxrRecord>): AsyncGenerator<SiteExportRecord> {
  const site = emptySite(new Map());
  /** Attachment id → the posts (key, title) waiting for it. */
  const waiting = new Map<string, { sourceKey: string; title: string }[]>();
  for await (const record of records) {
    if (record.kind === 'site') {
      site.host = hostOf(record.baseSiteUrl || record.link);
    } else if (record.kind === 'broken') {
      yield { kind: 'problem', problem: { line: record.line, id: null, message: record.message } };
    } else if (record.kind === 'item') {
      const { item } = record;
      if (item.comments > 0) yield { kind: 'skipped', what: 'comments', count: item.comments };
      const type = (item.fields.get('wp:post_type') ?? 'post').trim();
      if (type === 'post' && item.fields.get('wp:status')?.trim() === 'trash') {
        yield { kind: 'skipped', what: 'trashed', count: 1 };
      } else if (type === 'post') {
        const post = wordpressPost(item, site);
        const thumbnail = item.meta.get('_thumbnail_id')?.trim();
        if (post.kind === 'post' && thumbnail && !post.post.lead && !site.attachments.has(thumbnail)) {
          waiting.set(thumbnail, [...(waiting.get(thumbnail) ?? []), { sourceKey: post.post.sourceKey, title: post.post.title }]);
        }
        yield post;
      } else if (type === 'page') {
        yield wordpressPage(item, site);
      } else if (type === 'attachment') {
        const attachment = attachmentOf(item);
        const id = item.fields.get('wp:post_id')?.trim() ?? '';
        if (attachment && id) site.attachments.set(id, attachment);
        yield { kind: 'skipped', what: 'attachments', count: 1 };
      } else {
        yield { kind: 'skipped', what: 'other', count: 1 };
      }
    } else {
      yield* termUrls(record, site);
    }
  }
  for (const [id, posts] of waiting) {
    const lead = leadFrom(site.attachments.get(id));
    if (lead) for (const post of posts) yield { kind: 'lead', sourceKey: post.sourceKey, title: post.title, lead };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'wordpress';
  }
}

