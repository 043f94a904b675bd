/** @module A WordPress export file as site-import records, in one streaming pass (featured images named after their posts follow as `lead` records). */
import type { SiteExportRecord } from '../../core/site-import/site-post.js';
import { wordpressRecords } from './wordpress-posts.js';
import { readWxr } from './wxr-stream.js';

export function readWordPressExport(file: string): AsyncGenerator<SiteExportRecord> {
  return wordpressRecords(readWxr(file));
}
