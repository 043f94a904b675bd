/** @module A revision's snapshot (JSON) read back as ArticleFields; older snapshots (imports) carry extra keys, which are ignored. */
import { z } from 'zod';
import type { ArticleFields } from '../../../core/articles/article-fields.js';
import { storedBodySchema } from '../../validation/body-block-schema.js';

const named = z.object({ slug: z.string(), name: z.string() });

const snapshotSchema = z.object({
  headline: z.string(),
  highlights: z.array(z.string()),
  dateline: z.string().nullable(),
  section: named,
  topics: z.array(named.extend({ kind: z.enum(['person', 'place', 'organisation', 'subject']), accepted: z.literal(false).optional() })),
  authors: z.array(named),
  source: z.union([
    z.object({ kind: z.literal('staff') }),
    z.object({ kind: z.literal('agency'), agency: z.string(), wireId: z.string().nullable() }),
  ]),
  lead: z.object({
    url: z.string().nullable(), caption: z.string(), credit: z.string().nullable(), alt: z.string(),
    width: z.number().nullable(), height: z.number().nullable(),
  }).nullable(),
  leadMediaId: z.string().nullable().optional(),
  body: storedBodySchema,
});

export function snapshotFields(fields: ArticleFields): string {
  const { headline, highlights, dateline, section, topics, authors, source, lead, leadMediaId, body } = fields;
  return JSON.stringify({ headline, highlights, dateline, section, topics, authors, source, lead, leadMediaId, body });
}

export function parseSnapshot(json: string): ArticleFields {
  const parsed = snapshotSchema.parse(JSON.parse(json));
  return { ...parsed, leadMediaId: parsed.leadMediaId ?? null };
}
