/** @module Table types of the Dateline schema, as Kysely sees them. Times are ISO-8601 UTC strings. */
import type { Generated } from 'kysely';
import type { MailingTables, ReaderTables } from './reader-tables.js';
import type { SiteImportTables } from './site-import-tables.js';

export interface SectionsTable {
  id: string;
  slug: string;
  name: string;
  position: Generated<number>;
  edition_id: Generated<string>;
}

/** Migration 0005: the site's editions; the one at the lowest position is served at /. */
export interface EditionsTable {
  id: string;
  language: string;
  direction: string;
  name: string;
  locale: string;
  numbering_system: Generated<string>;
  time_zone: string;
  position: number;
}

export interface TopicsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
}

export interface AuthorsTable {
  id: string;
  slug: string;
  name: string;
  bio: string | null;
  photo_id: string | null;
  job_title: string | null;
  /** JSON: [{label, url}] (migration 0009). */
  links: string | null;
}

/** An edition's static page (About, Contact …): the body as JSON blocks (migration 0009). */
export interface SitePagesTable {
  edition_id: string;
  kind: string;
  title: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ArticlesTable {
  id: string;
  slug: string;
  headline: string;
  /** JSON array of strings. */
  highlights: string;
  dateline: string | null;
  /** JSON array of BodyBlock. */
  body: string;
  lead_image_url: string | null;
  lead_image_caption: string | null;
  lead_image_credit: string | null;
  lead_image_alt: string | null;
  lead_image_width: number | null;
  lead_image_height: number | null;
  section_id: string;
  source_kind: string;
  source_agency: string | null;
  source_wire_id: string | null;
  status: string;
  first_published_at: string | null;
  updated_at: string | null;
  update_note: string | null;
  minor_edit: Generated<number>;
  content_key: string | null;
  version: Generated<number>;
  created_at: string;
  modified_at: string;
  scheduled_at: string | null;
  lead_media_id: string | null;
  created_by: string | null;
  modified_by: string | null;
  edition_id: Generated<string>;
  /** Stories that translate each other share a group: the id of the first story linked. */
  translation_group: string | null;
}

export interface ArticleTopicsTable {
  article_id: string;
  topic_id: string;
  position: number;
  /** Copy of the article's updated_at while it is published, else null (index-ordered topic lists). */
  story_updated_at: string | null;
  /** 1 accepted (readers see it), 0 a suggestion below the reader line an editor has not accepted (migration 0008). */
  accepted: Generated<number>;
}

export interface ArticleAuthorsTable {
  article_id: string;
  author_id: string;
  position: number;
  /** Copy of the article's updated_at while it is published, else null (index-ordered author lists). */
  story_updated_at: string | null;
}

export interface RevisionsTable {
  id: string;
  article_id: string;
  number: number;
  kind: string;
  actor: string | null;
  created_at: string;
  /** JSON snapshot of the article's editable fields. */
  snapshot: string;
  /** The article's version after this revision (null for revisions older than migration 0003). */
  version: number | null;
  /** The update or correction note given with this revision. */
  note: string | null;
}

export interface ShortLinksTable {
  code: string;
  article_id: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  author_id: string | null;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the cookie's token. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface MediaTable {
  id: string;
  original_format: string;
  width: number;
  height: number;
  bytes: number;
  /** JSON array of PhotoVariant (plus the original's private key). */
  variants: string;
  caption: string;
  credit: string | null;
  alt: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface SiteSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CorrectionsTable {
  id: string;
  article_id: string;
  note: string;
  actor: string | null;
  created_at: string;
}

/** Wire desk (migration 0004): copy columns shared by an item and its stored versions. */
export interface WireCopyColumns {
  source_id: string | null;
  /** '' when the document named no agency (so the unique key still applies). */
  agency: string;
  agency_id: string;
  version: number;
  content_hash: string;
  format: string;
  headline: string;
  slugline: string | null;
  dateline: string | null;
  byline: string | null;
  creditline: string | null;
  language: string | null;
  summary: string | null;
  /** JSON array of BodyBlock. */
  body: string;
  /** JSON array of WireSubject. */
  subjects: string;
  /** JSON array of WirePhoto. */
  photos: string;
  urgency: number | null;
  link: string | null;
  first_created: string | null;
  version_created: string | null;
  received_at: string;
}

export interface WireItemsTable extends WireCopyColumns {
  id: string;
  cluster_id: string;
  /** Near-duplicate signature: base64, 1,712 characters (hex of 2,568 or 1,024 characters, stored before, still read). */
  signature: string;
  status: Generated<string>;
  used_article_id: string | null;
  /** JSON array of SuggestedTopic once suggested, else null. */
  topics: string | null;
  /** ISO time the current version was stored, and the ingest process that stored it (the cluster window sync reads both). */
  stored_at: string;
  stored_by: string;
}

export interface WireItemVersionsTable extends WireCopyColumns {
  id: string;
  item_id: string;
}

export interface WireSourcesTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  url: string | null;
  token_hash: string | null;
  every_seconds: number;
  allow_private: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  failures: Generated<number>;
  last_error: string | null;
  created_at: string;
}

export interface WireDeskTables {
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_item_versions: WireItemVersionsTable;
}

/** Reads of a story's page in one hour (hours since the epoch), for most read. */
export interface ArticleReadsTable {
  article_id: string;
  hour: number;
  edition_id: string;
  reads: number;
}

export interface Database extends WireDeskTables, ReaderTables, MailingTables, SiteImportTables {
  sections: SectionsTable;
  topics: TopicsTable;
  authors: AuthorsTable;
  articles: ArticlesTable;
  article_topics: ArticleTopicsTable;
  article_authors: ArticleAuthorsTable;
  revisions: RevisionsTable;
  short_links: ShortLinksTable;
  users: UsersTable;
  sessions: SessionsTable;
  media: MediaTable;
  corrections: CorrectionsTable;
  site_settings: SiteSettingsTable;
  editions: EditionsTable;
  article_reads: ArticleReadsTable;
  site_pages: SitePagesTable;
}
