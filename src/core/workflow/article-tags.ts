/** @module The surrogate keys of a story: every cached page that shows it carries one of these. */
import type { ArticleFields } from '../articles/article-fields.js';

export function articleTags(slug: string, fields: Pick<ArticleFields, 'section' | 'topics' | 'authors'>): string[] {
  return [
    `article:${slug}`,
    `section:${fields.section.slug}`,
    ...fields.topics.map((t) => `topic:${t.slug}`),
    ...fields.authors.map((a) => `author:${a.slug}`),
    'home',
    'feeds',
  ];
}

/** Tags of the story before and after a change: a story moved out of a section must leave that section's pages too. */
export function changedTags(slug: string, before: Parameters<typeof articleTags>[1], after: Parameters<typeof articleTags>[1]): string[] {
  return [...new Set([...articleTags(slug, before), ...articleTags(slug, after)])];
}
