/**
 * @module Story topics: the one path from a story's text to its topics, shared by imports and the wire desk.
 * The suggester proposes names with a confidence; only those at or above the reader line are accepted
 * (shown to readers) without an editor, the rest wait in the newsroom as suggestions.
 */
import type { TopicRef } from '../articles/article.js';
import { slugify } from '../shared/slug.js';
import type { SuggestedTopic, TopicSuggester } from './topic-suggester.js';

/** Topics proposed per story: ten reached the named people, places and organisations of the tuning half of test/fixtures/entities better than eight, at the same precision. */
export const TOPIC_LIMIT = 10;
/** News names who and where early; tagging cost grows with length. */
export const TOPIC_TEXT_LIMIT = 4000;
/** Suggestions at or above this confidence reach readers on their own; below it an editor must accept them. */
export const READER_CONFIDENCE = 0.6;

export interface StoryText { headline: string; highlights: string[]; body: string }

/** The suggester's topics for a story, from its first TOPIC_TEXT_LIMIT characters of body. */
export function suggestStoryTopics(suggester: TopicSuggester, text: StoryText): SuggestedTopic[] {
  return suggester.suggest({ headline: text.headline, highlights: text.highlights, body: text.body.slice(0, TOPIC_TEXT_LIMIT) }, TOPIC_LIMIT);
}

/** Suggestions as a story's topics: one per slug, accepted when confident enough for readers. */
export function topicRefsOf(suggested: SuggestedTopic[]): TopicRef[] {
  return suggested
    .map((t): TopicRef => ({ slug: slugify(t.name, 'topic'), name: t.name, kind: t.kind, ...(isConfident(t) ? {} : { accepted: false }) }))
    .filter((t, i, all) => all.findIndex((o) => o.slug === t.slug) === i);
}

/** Whether a suggestion may reach readers without an editor. Stored suggestions from before confidences count as confident. */
export function isConfident(topic: SuggestedTopic): boolean {
  return (topic.confidence ?? 1) >= READER_CONFIDENCE;
}
