/** @module Table types of migrations 0011 and 0012: old addresses of imported sites, the export items behind stories, and the topic suggestion queue. */
import type { Generated } from 'kysely';

/** `target_kind`: 'article', 'section' or 'topic'; `target_id` that row's id. */
export interface OldUrlsTable {
  path: string;
  target_kind: string;
  target_id: string;
  created_at: string;
}

export interface SiteImportItemsTable {
  /** `wordpress:HOST:POST_ID` or `ghost:POST_ID`. */
  source_key: string;
  article_id: string;
  /** SHA-256 of the item as read: a changed digest updates the story on a re-run. */
  digest: string;
  imported_at: string;
}

/** A photo an import uploaded into the media library, by the address the export named it with. */
export interface SiteImportMediaTable {
  source_url: string;
  media_id: string;
  imported_at: string;
}

export interface SiteImportTables {
  old_urls: OldUrlsTable;
  site_import_items: SiteImportItemsTable;
  site_import_media: SiteImportMediaTable;
  topic_suggestion_queue: TopicSuggestionQueueTable;
  topic_suggestion_runs: TopicSuggestionRunsTable;
}

/** Migration 0012: a story waiting for topic suggestions; `claimed_until` is the lease of the process working on it. */
export interface TopicSuggestionQueueTable {
  article_id: string;
  queued_at: string;
  claimed_until: string | null;
  attempts: Generated<number>;
}

/** Migration 0012: the job's totals since the queue was last empty (one row, id 1). */
export interface TopicSuggestionRunsTable {
  id: number;
  queued: number;
  done: number;
  failed: number;
  started_at: string;
  working_since: string | null;
  updated_at: string;
}
