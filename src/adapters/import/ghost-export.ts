/**
 * @module A Ghost JSON export (`db[0].data`: posts, posts_meta, users, tags, posts_tags, posts_authors) as site-import
 * records, read as a stream in two passes over the file (ghost-json-stream.ts): Ghost writes `posts` before the tables
 * that relate them, so the first pass keeps the compact relations (tags, authors, image alt text) and the second
 * yields the posts one at a time. Bodies: the export's `html` when present, else Lexical or mobiledoc text
 * (paragraphs and headings), through the same sanitiser as WordPress content. The primary (first) tag is the section.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { escapeHtml } from '../http/html/html.js';
import type { NamedRef } from '../../core/articles/article.js';
import { isBodyImageUrl } from '../../core/articles/body-image-url.js';
import { slugify } from '../../core/shared/slug.js';
import { normaliseOldPath, STATIC_PAGE_SLUGS, type SiteExportRecord, type SitePostStatus } from '../../core/site-import/site-post.js';
import { bodySchema } from '../validation/body-block-schema.js';
import { htmlToBodyBlocks } from '../wire/wire-html-blocks.js';
import { GhostJsonError, ghostTableRows } from './ghost-json-stream.js';

const text = z.string().nullish();
/** Ghost 0.x and 1.x wrote times as milliseconds and ids as numbers; Ghost 2 on, ISO strings and ObjectIds. */
const id = z.union([z.string().min(1), z.number().transform(String)]);
const when = z.union([z.string(), z.number()]).nullish();
const order = z.number().nullish();

const postSchema = z.object({
  id, title: text, slug: text, html: text, lexical: text, mobiledoc: text, feature_image: text, feature_image_alt: text, feature_image_caption: text,
  status: text, type: text, page: z.union([z.boolean(), z.number()]).nullish(), published_at: when, updated_at: when, custom_excerpt: text, author_id: id.nullish(),
}).passthrough();
const RELATIONS = {
  tags: z.object({ id, name: text, slug: text, visibility: text }),
  users: z.object({ id, name: text, slug: text }),
  posts_tags: z.object({ post_id: id, tag_id: id, sort_order: order }),
  posts_authors: z.object({ post_id: id, author_id: id, sort_order: order }),
  posts_meta: z.object({ post_id: id, feature_image_alt: text, feature_image_caption: text }),
};
const RELATION_TABLES: ReadonlySet<string> = new Set(Object.keys(RELATIONS));
const POSTS: ReadonlySet<string> = new Set(['posts']);

/** A tag or author: its slug and name on the new site, and its slug on the old one (its archive's address). */
interface GhostTerm extends NamedRef {
  oldSlug: string;
}

/** A post's relations: tags and authors as [sort order, term number] pairs, and its feature image's alt text and caption. */
interface PostRelations {
  tags: number[];
  authors: number[];
  alt: string;
  caption: string;
}

/** Ids of one kind of term (tags, users) as small numbers: a relation row may come before the term it names. */
class TermIds<T> {
  readonly numbers = new Map<string, number>();
  readonly terms: (T | undefined)[] = [];
  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.terms.length;
      this.numbers.set(own(id), n);
      this.terms.push(undefined);
    }
    return n;
  }
}

/** What the first pass keeps: tens of bytes a post (numbers and its id), whatever the size of the posts themselves. */
interface GhostRelations {
  tags: TermIds<GhostTerm>;
  users: TermIds<GhostTerm>;
  posts: Map<string, PostRelations>;
  problems: SiteExportRecord[];
}

/**
 * A copy of a string read from the file. The parser's strings may be slices of the text it was given, and V8 keeps
 * a slice's whole parent alive: a post id kept for the second pass would hold a megabyte of the file with it.
 */
function own(value: string): string {
  return (` ${value}`).slice(1);
}

function relationsOf(site: GhostRelations, postId: string): PostRelations {
  let post = site.posts.get(postId);
  if (!post) {
    post = { tags: [], authors: [], alt: '', caption: '' };
    site.posts.set(own(postId), post);
  }
  return post;
}

/** Keeps one relation row; a row that does not fit its table is a problem (returned as its message). */
function keepRelation(table: string, row: unknown, site: GhostRelations): string | null {
  const fail = (error: z.ZodError): string => `${error.issues[0]?.message ?? 'invalid'} at ${error.issues[0]?.path.join('.') || 'the row'}`;
  if (table === 'tags') {
    const r = RELATIONS.tags.safeParse(row);
    if (!r.success) return fail(r.error);
    // Internal tags (`#hash`) organise Ghost's own templates; readers never saw them.
    if (r.data.visibility === 'internal' || r.data.name?.startsWith('#')) return null;
    site.tags.terms[site.tags.number(r.data.id)] = { slug: slugify(r.data.slug || r.data.name || '', 'news'), name: own(r.data.name || r.data.slug || ''), oldSlug: own(r.data.slug || '') };
  } else if (table === 'users') {
    const r = RELATIONS.users.safeParse(row);
    if (!r.success) return fail(r.error);
    site.users.terms[site.users.number(r.data.id)] = { slug: slugify(r.data.name || r.data.slug || '', 'author'), name: own(r.data.name || r.data.slug || ''), oldSlug: own(r.data.slug || '') };
  } else if (table === 'posts_tags') {
    const r = RELATIONS.posts_tags.safeParse(row);
    if (!r.success) return fail(r.error);
    relationsOf(site, r.data.post_id).tags.push(r.data.sort_order ?? 0, site.tags.number(r.data.tag_id));
  } else if (table === 'posts_authors') {
    const r = RELATIONS.posts_authors.safeParse(row);
    if (!r.success) return fail(r.error);
    relationsOf(site, r.data.post_id).authors.push(r.data.sort_order ?? 0, site.users.number(r.data.author_id));
  } else {
    const r = RELATIONS.posts_meta.safeParse(row);
    if (!r.success) return fail(r.error);
    if (!r.data.feature_image_alt && !r.data.feature_image_caption) return null;
    const post = relationsOf(site, r.data.post_id);
    post.alt = own(r.data.feature_image_alt ?? '');
    post.caption = own(r.data.feature_image_caption ?? '');
  }
  return null;
}

/** First pass: tags, users and the relation tables, wherever in the file they are; null when the file is JSON but no export. */
async function readRelations(file: string): Promise<GhostRelations | null> {
  const site: GhostRelations = { tags: new TermIds(), users: new TermIds(), posts: new Map(), problems: [] };
  let isExport = false;
  for await (const { table, index, row } of ghostTableRows(file, RELATION_TABLES, () => { isExport = true; })) {
    const message = keepRelation(table, row, site);
    if (message) site.problems.push({ kind: 'problem', problem: { line: 0, id: idOf(row), message: `${table}[${index}] is not a Ghost ${table} row: ${message}` } });
  }
  return isExport ? site : null;
}

function idOf(row: unknown): string | null {
  const value = (row as { id?: unknown } | null)?.id;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** The terms of [sort order, term number] pairs, in Ghost's sort order; a term the export lacks (or an internal tag) is left out. */
function related(pairs: number[], terms: TermIds<GhostTerm>): NamedRef[] {
  const order: { order: number; term: GhostTerm }[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const term = terms.terms[pairs[i + 1]!];
    if (term) order.push({ order: pairs[i]!, term });
  }
  return order.sort((a, b) => a.order - b.order).map(({ term }) => ({ slug: term.slug, name: term.name }));
}

const STATUSES: Record<string, SitePostStatus> = { published: 'published', draft: 'draft', scheduled: 'scheduled', sent: 'published' };

interface LexicalNode { type?: string; tag?: string; text?: string; children?: LexicalNode[] }

/** Lexical's paragraphs, headings and quotes as plain HTML (text escaped); formatting is not kept. */
function lexicalHtml(json: string): string {
  const root = (JSON.parse(json) as { root?: LexicalNode }).root;
  const textOf = (n: LexicalNode): string => n.text ?? (n.children ?? []).map(textOf).join('');
  return (root?.children ?? []).map((n) => {
    const inner = escapeHtml(textOf(n));
    if (n.type === 'heading') return `<${n.tag === 'h2' ? 'h2' : 'h3'}>${inner}</${n.tag === 'h2' ? 'h2' : 'h3'}>`;
    if (n.type === 'quote') return `<blockquote>${inner}</blockquote>`;
    return `<p>${inner}</p>`;
  }).join('\n');
}

/** Mobiledoc's markup sections (`[1, "p", [[0, [], 0, "text"]]]`) as HTML. */
function mobiledocHtml(json: string): string {
  const doc = JSON.parse(json) as { sections?: unknown[][] };
  return (doc.sections ?? []).filter((s) => s[0] === 1).map((s) => {
    const tag = ['h2', 'h3', 'blockquote'].includes(String(s[1])) ? String(s[1]) : 'p';
    const words = (s[2] as unknown[][] | undefined ?? []).map((m) => String(m[3] ?? '')).join('');
    return `<${tag}>${escapeHtml(words)}</${tag}>`;
  }).join('\n');
}

function time(value: string | number | null | undefined): Date | null {
  const t = value === null || value === undefined || value === '' ? null : new Date(value);
  return t && !Number.isNaN(t.getTime()) ? t : null;
}

/** Ghost 5 writes its own address as this placeholder in image and link URLs (the export does not say what it is). */
const GHOST_URL = '__GHOST_URL__';

/**
 * One row of `posts` as a site post, or why it cannot be one. `siteUrl` stands in for Ghost's `__GHOST_URL__`;
 * without it, a feature image at that placeholder is left out and counted (it names no address anyone can fetch).
 */
function ghostPost(row: unknown, index: number, site: GhostRelations, siteUrl: string | null): SiteExportRecord[] {
  const placeholder = (text: string | null | undefined) => (text && siteUrl ? text.replaceAll(GHOST_URL, siteUrl) : text);
  const found = ghostPostRecord(row, index, site, placeholder);
  const image = (row as { feature_image?: unknown } | null)?.feature_image;
  const lost = !siteUrl && typeof image === 'string' && image.includes(GHOST_URL) && found.kind === 'post';
  return lost ? [found, { kind: 'skipped', what: 'media', count: 1 }] : [found];
}

function ghostPostRecord(row: unknown, index: number, site: GhostRelations, placeholder: (text: string | null | undefined) => string | null | undefined): SiteExportRecord {
  const parsed = postSchema.safeParse(row);
  if (!parsed.success) {
    return { kind: 'problem', problem: { line: 0, id: idOf(row), message: `posts[${index}] is not a Ghost post: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') || 'the row'}` } };
  }
  const post = parsed.data;
  const problem = (message: string): SiteExportRecord => ({ kind: 'problem', problem: { line: 0, id: post.id, message } });
  const isPage = post.type === 'page' || post.page === true || post.page === 1;
  const pageKind = isPage && post.status === 'published' && post.slug ? STATIC_PAGE_SLUGS[slugify(post.slug)] : undefined;
  // A published About, Contact, Corrections or Privacy page becomes the edition's; other pages have no place here.
  if (isPage && !pageKind) return { kind: 'skipped', what: 'pages', count: 1 };
  const status = STATUSES[post.status ?? ''];
  if (!status) return problem(`post ${post.id} has the status ${JSON.stringify(post.status)}, which has no workflow state`);
  let html: string;
  try {
    html = placeholder(post.html) ?? (post.lexical ? lexicalHtml(post.lexical) : post.mobiledoc ? mobiledocHtml(post.mobiledoc) : '');
  } catch (error) {
    return problem(`post ${post.id}: its content does not parse (${(error as Error).message})`);
  }
  const body = htmlToBodyBlocks(html).blocks;
  if (pageKind) {
    if (body.length === 0 || !bodySchema.safeParse(body).success) return { kind: 'skipped', what: 'pages', count: 1 };
    return { kind: 'page', page: { sourceKey: `ghost:${post.id}`, sourceId: post.id, line: 0, kind: pageKind, title: (post.title ?? '').slice(0, 120) || pageKind, body, oldPaths: [normaliseOldPath(`/${post.slug}`)] } };
  }
  const fits = bodySchema.safeParse(body);
  if (!fits.success) return problem(`post ${post.id} ("${post.title ?? ''}") does not fit a story body: ${fits.error.issues[0]?.message ?? 'invalid'}`);
  const relations = site.posts.get(post.id);
  const postTags = related(relations?.tags ?? [], site.tags);
  // Ghost before 1.22 named one author on the post itself.
  const authorPairs = relations?.authors.length ? relations.authors : post.author_id ? [0, site.users.numbers.get(post.author_id) ?? -1] : [];
  const authors = related(authorPairs, site.users);
  const meta = relations?.alt || relations?.caption ? { alt: relations.alt, caption: relations.caption } : undefined;
  const featureImage = placeholder(post.feature_image);
  const image = featureImage && isBodyImageUrl(featureImage) ? featureImage : null;
  const caption = meta?.caption || post.feature_image_caption || '';
  const publishedAt = time(post.published_at);
  if (status !== 'draft' && !publishedAt) return problem(`post ${post.id} is ${status} but has no published_at`);
  return {
    kind: 'post',
    post: {
      sourceKey: `ghost:${post.id}`, sourceId: post.id, line: 0, title: post.title ?? '', slug: post.slug ? slugify(post.slug) : '', status,
      publishedAt, modifiedAt: time(post.updated_at), authors, section: postTags[0] ?? null, topics: postTags.slice(1),
      excerpt: post.custom_excerpt ?? '', body,
      lead: image ? { url: image, caption: htmlToBodyBlocks(caption).blocks.map((b) => ('text' in b ? b.text : '')).join(' '), credit: null, alt: meta?.alt || post.feature_image_alt || '', width: null, height: null } : null,
      oldPaths: post.slug ? [normaliseOldPath(`/${post.slug}`)] : [],
      digest: createHash('sha256').update(JSON.stringify([post, postTags, authors, meta ?? null])).digest('hex'),
    },
  };
}

/** Tag and author archives at Ghost's default addresses (`/tag/slug/`, `/author/slug/`), by their slugs on the old site. */
function* termUrls(site: GhostRelations): Generator<SiteExportRecord> {
  for (const t of site.tags.terms) {
    if (!t?.oldSlug) continue;
    const path = normaliseOldPath(`/tag/${t.oldSlug}`);
    yield { kind: 'term-url', url: { path, kind: 'section', target: t.slug } };
    yield { kind: 'term-url', url: { path, kind: 'topic', target: t.slug } };
  }
  for (const u of site.users.terms) {
    if (u?.oldSlug) yield { kind: 'term-url', url: { path: normaliseOldPath(`/author/${u.oldSlug}`), kind: 'author', target: u.slug } };
  }
}

/** Where the JSON breaks, as a problem; nothing of a broken file is imported (its relations may lie past the break). */
function brokenFile(error: GhostJsonError): SiteExportRecord {
  const where = error.line > 0 ? ` at line ${error.line}, column ${error.column}` : '';
  return { kind: 'problem', problem: { line: error.line, id: null, message: `the file is not valid JSON${where} (${error.message}); nothing was imported from it` } };
}

export async function* readGhostExport(file: string, options: { siteUrl?: string } = {}): AsyncGenerator<SiteExportRecord> {
  const siteUrl = options.siteUrl ? options.siteUrl.replace(/\/+$/, '') : null;
  let site: GhostRelations | null;
  try {
    site = await readRelations(file);
  } catch (error) {
    if (!(error instanceof GhostJsonError)) throw error;
    yield brokenFile(error);
    return;
  }
  if (!site) {
    yield { kind: 'problem', problem: { line: 0, id: null, message: 'not a Ghost export: no db[0].data (or data) object' } };
    return;
  }
  yield* site.problems;
  try {
    for await (const { index, row } of ghostTableRows(file, POSTS)) yield* ghostPost(row, index, site, siteUrl);
  } catch (error) {
    // The first pass read the whole file: only a file changed between the passes gets here.
    if (!(error instanceof GhostJsonError)) throw error;
    yield brokenFile(error);
    return;
  }
  yield* termUrls(site);
}
