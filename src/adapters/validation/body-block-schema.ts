/** @module The zod schema of an article body: one definition for JSON columns, newsroom forms and the content API. */
import { z } from 'zod';
import type { BodyBlock } from '../../core/articles/article.js';
import { BODY_IMAGE_URL_RULE, isBodyImageUrl } from '../../core/articles/body-image-url.js';

const MAX_TEXT = 20_000;

const textRun = z.object({
  text: z.string().max(MAX_TEXT),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().max(2_000).optional(),
});

/**
 * The blocks, with the image address schema given: what enters (forms, the API) is checked with
 * `isBodyImageUrl`; what was stored before that rule existed still reads back (the reader site and the
 * editor neutralise such an address, and saving it again names the block to fix).
 */
function blockSchemaWith(imageUrl: z.ZodType<string>) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), text: z.string().max(MAX_TEXT), runs: z.array(textRun).max(500).optional() }),
    z.object({ type: z.literal('heading'), text: z.string().max(500), level: z.union([z.literal(2), z.literal(3)]) }),
    z.object({ type: z.literal('quote'), text: z.string().max(MAX_TEXT), cite: z.string().max(500).nullable(), runs: z.array(textRun).max(500).optional() }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string().max(MAX_TEXT)).max(200) }),
    z.object({ type: z.literal('html'), html: z.string().max(200_000) }),
    z.object({
      type: z.literal('image'),
      mediaId: z.string().max(100).nullable(),
      url: imageUrl,
      caption: z.string().max(2_000),
      credit: z.string().max(500).nullable(),
      alt: z.string().max(1_000),
      width: z.number().int().positive().nullable(),
      height: z.number().int().positive().nullable(),
    }),
    z.object({ type: z.literal('embed'), url: z.string().max(2_000), title: z.string().max(500).nullable() }),
  ]);
}

export const bodyBlockSchema = blockSchemaWith(z.string().max(2_000).refine(isBodyImageUrl, { message: BODY_IMAGE_URL_RULE }));

/** A body as it enters: every image address is http(s) or /media/. */
export const bodySchema: z.ZodType<BodyBlock[]> = z.array(bodyBlockSchema).max(2_000);

/** A body read back from the database (articles, revisions, wire items), written before or after the image rule. */
export const storedBodySchema: z.ZodType<BodyBlock[]> = z.array(blockSchemaWith(z.string().max(2_000))).max(2_000);
