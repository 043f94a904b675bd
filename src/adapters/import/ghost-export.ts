/**
 * @module A Ghost JSON export (`db[0].data`: posts, users, tags, posts_tags, posts_authors) as site-import records. The
 * file is one JSON document, read whole. Bodies: the export's `html` when present, else Lexical or mobiledoc text
 * (paragraphs and headings), through the same sanitiser as WordPress content. The primary (first) tag is the section.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { escapeHtml } from '../http/html/html.js';
import { isBodyImageUrl } from '../../core/articles/body-image-url.js';
import { slugify } from '../../core/shared/slug.js';
import { normaliseOldPath, type SiteExportRecord, type SitePostStatus } from '../../core/site-import/site-post.js';
import { bodySchema } from '../validation/body-block-schema.js';
import { htmlToBodyBlocks } from '../wire/wire-html-blocks.js';

const text = z.string().nullish();
const ghostExportSchema = z.object({
  db: z.array(z.object({
    data: z.object({
      posts: z.array(z.object({
        id: z.string(), title: text, slug: text, html: text, lexical: text, mobiledoc: text, feature_image: text, feature_image_alt: text, feature_image_caption: text,
        status: text, type: text, published_at: text, updated_at: text, custom_excerpt: text,
      }).passthrough()).default([]),
      users: z.array(z.object({ id: z.string(), name: text, slug: text }).passthrough()).default([]),
      tags: z.array(z.object({ id: z.string(), name: text, slug: text }).passthrough()).default([]),
      posts_tags: z.array(z.object({ post_id: z.string(), tag_id: z.string(), sort_order: z.number().nullish() }).passthrough()).default([]),
      posts_authors: z.array(z.object({ post_id: z.string(), author_id: z.string(), sort_order: z.number().nullish() }).passthrough()).default([]),
    }).passthrough(),
  }).passthrough()).min(1),
}).passthrough();

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

function time(value: string | null | undefined): Date | null {
  const t = value ? new Date(value) : null;
  return t && !Number.isNaN(t.getTime()) ? t : null;
}

export async function* readGhostExport(file: string): AsyncGenerator<SiteExportRecord> {
  const parsed = ghostExportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    yield { kind: 'problem', problem: { line: 0, id: null, message: `not a Ghost export: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.')}` } };
    return;
  }
  const data = parsed.data.db[0]!.data;
  const tags = new Map(data.tags.map((t) => [t.id, { slug: slugify(t.slug || t.name || '', 'news'), name: t.name || t.slug || '' }]));
  const users = new Map(data.users.map((u) => [u.id, { slug: slugify(u.name || u.slug || '', 'author'), name: u.name || u.slug || '' }]));
  const order = (a: { sort_order?: number | null }, b: { sort_order?: number | null }) => (a.sort_order ?? 0) - (b.sort_order ?? 0);
  for (const post of data.posts) {
    const problem = (message: string): SiteExportRecord => ({ kind: 'problem', problem: { line: 0, id: post.id, message } });
    if (post.type === 'page') { yield { kind: 'skipped', what: 'pages', count: 1 }; continue; }
    const status = STATUSES[post.status ?? ''];
    if (!status) { yield problem(`post ${post.id} has the status ${JSON.stringify(post.status)}, which has no workflow state`); continue; }
    let html: string;
    try {
      html = post.html ?? (post.lexical ? lexicalHtml(post.lexical) : post.mobiledoc ? mobiledocHtml(post.mobiledoc) : '');
    } catch (error) {
      yield problem(`post ${post.id}: its content does not parse (${(error as Error).message})`);
      continue;
    }
    const body = htmlToBodyBlocks(html).blocks;
    if (!bodySchema.safeParse(body).success) { yield problem(`post ${post.id} does not fit a story body`); continue; }
    const postTags = data.posts_tags.filter((pt) => pt.post_id === post.id).sort(order).map((pt) => tags.get(pt.tag_id)).filter((t) => t !== undefined);
    const authors = data.posts_authors.filter((pa) => pa.post_id === post.id).sort(order).map((pa) => users.get(pa.author_id)).filter((a) => a !== undefined);
    const image = post.feature_image && isBodyImageUrl(post.feature_image) ? post.feature_image : null;
    const publishedAt = time(post.published_at);
    if (status !== 'draft' && !publishedAt) { yield problem(`post ${post.id} is ${status} but has no published_at`); continue; }
    yield {
      kind: 'post',
      post: {
        sourceKey: `ghost:${post.id}`, sourceId: post.id, line: 0, title: post.title ?? '', slug: post.slug ? slugify(post.slug) : '', status,
        publishedAt, modifiedAt: time(post.updated_at), authors, section: postTags[0] ?? null, topics: postTags.slice(1),
        excerpt: post.custom_excerpt ?? '', body,
        lead: image ? { url: image, caption: htmlToBodyBlocks(post.feature_image_caption ?? '').blocks.map((b) => ('text' in b ? b.text : '')).join(' '), credit: null, alt: post.feature_image_alt ?? '', width: null, height: null } : null,
        oldPaths: post.slug ? [normaliseOldPath(`/${post.slug}`)] : [],
        digest: createHash('sha256').update(JSON.stringify([post, postTags, authors])).digest('hex'),
      },
    };
  }
  for (const t of tags.values()) yield { kind: 'term-url', url: { path: normaliseOldPath(`/tag/${t.slug}`), kind: 'section', target: t.slug } };
  for (const t of tags.values()) yield { kind: 'term-url', url: { path: normaliseOldPath(`/tag/${t.slug}`), kind: 'topic', target: t.slug } };
  for (const u of users.values()) yield { kind: 'term-url', url: { path: normaliseOldPath(`/author/${u.slug}`), kind: 'author', target: u.slug } };
}
