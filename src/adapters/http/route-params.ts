/** @module Route parameter schemas shared by the reader routes: what a slug may look like. */
import { z } from 'zod';

/**
 * Slugs are letters (with their combining marks: Devanagari, Thai) and digits of any script joined by hyphens, in NFC
 * (see core/shared/slug.ts); nothing else reaches a query or a cache key.
 */
export const slugParams = z.object({
  slug: z.string().min(1).max(200).transform((slug) => slug.normalize('NFC')).pipe(z.string().regex(/^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u)),
});
