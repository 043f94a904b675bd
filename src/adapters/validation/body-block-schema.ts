/** @module The zod schema of an article body: one definition for JSON columns, newsroom forms and the content API. */
import { z } from 'zod';
import type { BodyBlock } from '../../core/articles/article.js';

const MAX_TEXT = 20_000;

const textRun = z.object({
  text: z.string().max(MAX_TEXT),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().max(2_000).optional(),
});

export const bodyBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string().max(MAX_TEXT), runs: z.array(textRun).max(500).optional() }),
  z.object({ type: z.literal('heading'), text: z.string().max(500), level: z.union([z.literal(2), z.literal(3)]) }),
  z.object({ type: z.literal('quote'), text: z.string().max(MAX_TEXT), cite: z.string().max(500).nullable(), runs: z.array(textRun).max(500).optional() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string().max(MAX_TEXT)).max(200) }),
  z.object({ type: z.literal('html'), html: z.string().max(200_000) }),
  z.object({
    type: z.literal('image'),
    mediaId: z.string().max(100).nullable(),
    url: z.string().max(2_000),
    caption: z.string().max(2_000),
    credit: z.string().max(500).nullable(),
    alt: z.string().max(1_000),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
  }),
  z.object({ type: z.literal('embed'), url: z.string().max(2_000), title: z.string().max(500).nullable() }),
]);

export const bodySchema: z.ZodType<BodyBlock[]> = z.array(bodyBlockSchema).max(2_000);
