/** @module Table types of migration 0011: old addresses of imported sites and the export items behind stories. */

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
}
