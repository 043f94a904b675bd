/** @module The surrogate keys of a story: every cached page that shows it carries one of these. */
import type { StoryFields } from './story-fields.js';

export function storyTags(slug: string, fields: Pick<StoryFields, 'section' | 'topics' | 'authors'>): string[] {
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
export function changedTags(slug: string, before: Parameters<typeof storyTags>[1], after: Parameters<typeof storyTags>[1]): string[] {
  return [...new Set([...storyTags(slug, before), ...storyTags(slug, after)])];
}
