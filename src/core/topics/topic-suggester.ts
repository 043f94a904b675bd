/** @module TopicSuggester: the port that proposes topics (people, places, organisations) from story text. */
import type { TopicKind } from '../articles/article.js';

export interface SuggestedTopic {
  name: string;
  kind: TopicKind;
  /** 0–1: how sure the suggester is that this is a name readers can follow (see story-topics.ts for the reader line). */
  confidence?: number;
}

export interface TopicSuggester {
  /** Topics named in the text, most salient first, at most `limit`. */
  suggest(text: { headline: string; highlights: string[]; body: string }, limit: number): SuggestedTopic[];
}
