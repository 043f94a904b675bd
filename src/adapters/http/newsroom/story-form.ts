/** @module Reads the story editor's form (urlencoded) into ArticleFields and the action's inputs; every problem named by field. */
import { z } from 'zod';
import type { BodyBlock, LeadImage, TopicRef } from '../../../core/articles/article.js';
import type { MediaLibrary } from '../../../core/media/media-library.js';
import { pickFallback } from '../../../core/media/photo.js';
import type { SectionStore } from '../../../core/sections/section-store.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { slugify } from '../../../core/shared/slug.js';
import { cleanDeep } from '../../../core/shared/clean-text.js';
import type { TopicStore } from '../../../core/topics/topic-store.js';
import { isArticleAction, type ArticleAction } from '../../../core/workflow/article-actions.js';
import type { ArticleFields } from '../../../core/articles/article-fields.js';
import { bodySchema, storedBodySchema } from '../../validation/body-block-schema.js';

const text = (max: number) => z.string().max(max).optional().default('');

export const storyFormSchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  action: text(20),
  headline: text(400),
  highlights: text(2_000),
  dateline: text(100),
  section: text(100),
  topics: text(2_000),
  /** Suggested topics readers do not see until an editor moves them into `topics`; absent: the story's suggestions are kept. */
  suggested_topics: z.string().max(2_000).optional(),
  authors: text(1_000),
  source_kind: z.enum(['staff', 'agency']).optional().default('staff'),
  source_agency: text(100),
  source_wire_id: text(200),
  lead_media_id: text(100),
  lead_caption: text(1_000),
  lead_credit: text(300),
  lead_alt: text(1_000),
  body: z.string().max(2_000_000).optional(),
  note: text(1_000),
  scheduled_at: text(40),
  revision: z.coerce.number().int().positive().optional(),
});
export type StoryForm = z.infer<typeof storyFormSchema>;

function splitList(value: string, separator: RegExp): string[] {
  return [...new Set(value.split(separator).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

export function parseStoryForm(body: unknown): StoryForm {
  const parsed = storyFormSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError('VALIDATION_FAILED', `The form has a problem in “${issues[0]?.path ?? 'form'}”: ${issues[0]?.message ?? 'invalid'}.`, { issues });
  }
  return parsed.data;
}

export function actionOf(form: StoryForm, fallback: ArticleAction): ArticleAction {
  const action = form.action || fallback;
  if (!isArticleAction(action)) throw new DomainError('VALIDATION_FAILED', `“${action}” is not a newsroom action.`, { issues: [{ path: 'action', message: 'Unknown action.' }] });
  return action;
}

export interface FormContext {
  sections: SectionStore;
  topics: TopicStore;
  media: MediaLibrary;
}

/** Where a body problem is: "block 4 (image)" for body.3.url, as the editor counts blocks. */
function blockNamed(json: unknown, path: readonly PropertyKey[]): string {
  const index = path[0];
  if (typeof index !== 'number') return 'the story body';
  const block: unknown = Array.isArray(json) ? json[index] : null;
  const type = typeof block === 'object' && block !== null && typeof (block as { type?: unknown }).type === 'string' ? (block as { type: string }).type : 'block';
  return `block ${index + 1} (${type}) of the story body`;
}

/**
 * The body typed into the form. Refused with every problem named by block, unless `keepTyped` (the form is
 * coming back with its problems): then the typed body is kept as far as it can be read, so nothing is lost.
 */
function bodyFromForm(text: string, current: BodyBlock[], keepTyped: boolean): BodyBlock[] {
  let json: unknown;
  try {
    // The body arrives as JSON text inside the form: its strings are cleaned once parsed (\u0001 escapes included).
    json = cleanDeep(JSON.parse(text));
  } catch {
    if (keepTyped) return current;
    throw new DomainError('VALIDATION_FAILED', 'The story body could not be read (not JSON).', { issues: [{ path: 'body', message: 'Not JSON.' }] });
  }
  const parsed = bodySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  if (keepTyped) return storedBodySchema.safeParse(json).data ?? current;
  const issues = parsed.error.issues.slice(0, 20).map((issue) => ({ path: `body.${issue.path.join('.')}`, message: `${blockNamed(json, issue.path)}: ${issue.message}` }));
  const first = issues[0] ?? { path: 'body', message: 'the story body: invalid' };
  throw new DomainError('VALIDATION_FAILED', `The story body has a problem in ${first.message}.`, { issues });
}

/**
 * The form's fields as ArticleFields; topics keep the kind they already have, new ones are subjects. Names in
 * `topics` are accepted by the editor; the story's suggestions below the reader line stay suggestions, as the
 * form lists them in `suggested_topics` (or, when a client leaves that field out, as they were).
 */
export async function fieldsFromForm(form: StoryForm, ctx: FormContext, current: ArticleFields, options: { keepTypedBody?: boolean } = {}): Promise<ArticleFields> {
  const section = (form.section && (await ctx.sections.findBySlug(form.section))) || current.section;
  const accepted: TopicRef[] = await Promise.all(splitList(form.topics, /[,\n]/).slice(0, 20).map(async (name) => {
    const slug = slugify(name, 'topic');
    const known = (await ctx.topics.findBySlug(slug)) ?? current.topics.find((t) => t.slug === slug);
    return known ? { slug: known.slug, name: known.name, kind: known.kind } : { slug, name, kind: 'subject' as const };
  }));
  const suggestedNames = form.suggested_topics === undefined
    ? current.topics.filter((t) => t.accepted === false).map((t) => t.name)
    : splitList(form.suggested_topics, /[,\n]/).slice(0, 20);
  const suggested = suggestedNames.flatMap((name): TopicRef[] => {
    const slug = slugify(name, 'topic');
    const known = current.topics.find((t) => t.slug === slug);
    return accepted.some((t) => t.slug === slug) ? [] : [{ slug, name: known?.name ?? name, kind: known?.kind ?? 'subject', accepted: false }];
  });
  const topics = [...accepted, ...suggested];
  const authors = splitList(form.authors, /[,\n]/).slice(0, 10).map((name) => ({ slug: slugify(name, 'staff'), name }));
  const body = form.body === undefined ? current.body : bodyFromForm(form.body, current.body, options.keepTypedBody === true);
  let lead: LeadImage | null = null;
  let leadMediaId: string | null = null;
  if (form.lead_media_id) {
    const photo = await ctx.media.find(form.lead_media_id);
    if (!photo) throw new DomainError('MEDIA_NOT_FOUND', 'The lead photo is no longer in the media library.', { issues: [{ path: 'lead_media_id', message: 'Unknown photo.' }] });
    const fallback = pickFallback(photo);
    leadMediaId = photo.id;
    lead = { url: ctx.media.urlOf(fallback.key), caption: form.lead_caption.trim(), credit: form.lead_credit.trim() || null, alt: form.lead_alt.trim(), width: photo.width, height: photo.height };
  } else if (form.lead_caption.trim()) {
    lead = { url: null, caption: form.lead_caption.trim(), credit: form.lead_credit.trim() || null, alt: form.lead_alt.trim(), width: null, height: null };
  }
  return {
    headline: form.headline,
    highlights: splitList(form.highlights, /\n/),
    dateline: form.dateline || null,
    section,
    topics,
    authors,
    source: form.source_kind === 'agency' && form.source_agency.trim()
      ? { kind: 'agency', agency: form.source_agency.trim(), wireId: form.source_wire_id.trim() || null }
      : { kind: 'staff' },
    lead,
    leadMediaId,
    body,
  };
}
