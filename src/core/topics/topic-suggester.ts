/** @module TopicSuggester: the port that proposes topics (people, places, organisations) from story text. */
import type { TopicKind } from '../articles/article.js';

export interface SuggestedTopic {
  name: string;
  kind: TopicKind;
}

export interface TopicSuggester {
  /** Topics named in the text, most salient first, at most `limit`. */
  suggest(text: { headline: string; highlights: string[]; body: string }, limit: number): SuggestedTopic[];
}
