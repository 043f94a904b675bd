/** @module The EventBus port: domain events as plain data, delivered to every subscriber (in this process or, with Redis, in all). */

/** A public change to a story: caches drop the pages tagged with `tags`, live pages refresh. */
export interface ArticleChangedEvent {
  type: 'story.published' | 'story.updated' | 'story.unpublished';
  articleId: string;
  slug: string;
  /** Surrogate keys of every page that shows the story: article, section, topics, authors, home, feeds. */
  tags: string[];
}

/**
 * Events may have been missed (the Redis link was down): drop everything derived from them, e.g. every cached page.
 * Only an event bus adapter emits it, to its own process's subscribers; the core never publishes it.
 */
export interface CacheResyncEvent {
  type: 'cache.resync';
}

/** An admin changed the site's settings (name, description): every process reloads them and drops its cached pages. */
export interface SettingsChangedEvent {
  type: 'site.settings_changed';
}

/** An admin added or changed an edition: every process reloads the editions and drops its cached pages. */
export interface EditionsChangedEvent {
  type: 'editions.changed';
}

export type DomainEvent = ArticleChangedEvent | CacheResyncEvent | SettingsChangedEvent | EditionsChangedEvent;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(handler: (event: DomainEvent) => void): () => void;
}
