/** @module A WordPress export file as site-import records: two streaming passes, the first for attachments (featured images), the second for everything else. */
import type { SiteExportRecord } from '../../core/site-import/site-post.js';
import { readAttachments, wordpressRecords } from './wordpress-posts.js';
import { readWxr } from './wxr-stream.js';

export async function* readWordPressExport(file: string): AsyncGenerator<SiteExportRecord> {
  // A post names its featured image by id, and WordPress exports an upload after the post it was made for.
  const attachments = await readAttachments(readWxr(file));
  yield* wordpressRecords(readWxr(file), attachments);
}
