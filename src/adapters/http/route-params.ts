/** @module Route parameter schemas shared by the reader routes: what a slug may look like. */
import { z } from 'zod';

/** Slugs are letters and digits of any script joined by hyphens (see core/shared/slug.ts); nothing else reaches a query or a cache key. */
export const slugParams = z.object({ slug: z.string().min(1).max(200).regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u) });
