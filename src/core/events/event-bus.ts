/** @module The EventBus port: domain events as plain data, delivered to every subscriber (in this process or, with Redis, in all). */

/** A public change to a story: caches drop the pages tagged with `tags`, live pages refresh. */
export interface StoryChangedEvent {
  type: 'story.published' | 'story.updated' | 'story.unpublished';
  articleId: string;
  slug: string;
  /** Surrogate keys of every page that shows the story: article, section, topics, authors, home, feeds. */
  tags: string[];
}

export type DomainEvent = StoryChangedEvent;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(handler: (event: DomainEvent) => void): () => void;
}
