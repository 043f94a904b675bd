/**
 * @module Wire rows: a wire item or version as the values of its `wire_items` / `wire_item_versions` row (bound in
 * the column order below, or as a column record for UPDATEs), and the rows read back as copy.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { WireFormat } from '../../../core/wire/wire-item.js';
import { parseSignature, serialiseSignature } from '../../../core/wire/near-duplicate-storage.js';
import type { StoredWireItem, WireCopy, WireItemStatus, WireItemVersion } from '../../../core/wire/wire-store.js';
import { storedBodySchema } from '../../validation/body-block-schema.js';
import type { WireCopyColumns, WireItemsTable } from '../database.js';

const subjectsSchema = z.array(z.object({ name: z.string(), code: z.string().nullable(), scheme: z.string().nullable() }));
const photosSchema = z.array(z.object({
  href: z.string(), width: z.number().nullable(), height: z.number().nullable(), mimeType: z.string().nullable(), caption: z.string().nullable(), credit: z.string().nullable(),
}));
const topicsSchema = z.array(z.object({ name: z.string(), kind: z.enum(['person', 'place', 'organisation', 'subject']), confidence: z.number().min(0).max(1).optional() }));

/** A version's copy, in the order `copyValues` gives its values. */
export const COPY_COLUMNS = [
  'source_id', 'agency', 'agency_id', 'version', 'content_hash', 'format', 'headline', 'slugline', 'dateline', 'byline', 'creditline',
  'language', 'summary', 'body', 'subjects', 'photos', 'urgency', 'link', 'first_created', 'version_created', 'received_at',
] as const satisfies readonly (keyof WireCopyColumns)[];
export const ITEM_COLUMNS = [
  ...COPY_COLUMNS, 'id', 'cluster_id', 'signature', 'status', 'used_article_id', 'topics', 'stored_at', 'stored_by',
] as const satisfies readonly (keyof WireItemsTable)[];
export const VERSION_COLUMNS = [...COPY_COLUMNS, 'id', 'item_id'] as const;

type CopyValue = string | number | null;

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** The copy's values in COPY_COLUMNS order, appended to `out`: rows are bound from flat arrays, never built as records. */
function pushCopyValues(copy: WireCopy, out: CopyValue[]): void {
  const { item } = copy;
  out.push(
    copy.sourceId ?? null, item.agency ?? '', item.agencyId, item.version, copy.contentHash, item.format, item.headline, item.slugline ?? null,
    item.dateline ?? null, item.byline ?? null, item.creditline ?? null, item.language ?? null, item.summary ?? null, JSON.stringify(item.body),
    JSON.stringify(item.subjects), JSON.stringify(item.photos), item.urgency ?? null, item.link ?? null, iso(item.firstCreated),
    iso(item.versionCreated), copy.receivedAt.toISOString(),
  );
}

/** An item's values in ITEM_COLUMNS order, appended to `out`. */
export function pushItemValues(stored: StoredWireItem, storedAt: string, storedBy: string, out: CopyValue[]): void {
  pushCopyValues(stored, out);
  out.push(
    stored.id, stored.clusterId, serialiseSignature(stored.signature), stored.status, stored.usedArticleId ?? null,
    stored.topics ? JSON.stringify(stored.topics) : null, storedAt, storedBy,
  );
}

/** A version's values in VERSION_COLUMNS order, appended to `out`. */
export function pushVersionValues(version: WireItemVersion, out: CopyValue[]): void {
  pushCopyValues(version, out);
  out.push(version.id, version.itemId);
}

/** An item's row as a column record (for an UPDATE; the same values `pushItemValues` binds). */
export function itemColumns(stored: StoredWireItem, storedAt: string, storedBy: string): Omit<WireItemsTable, 'status'> & { status: string } {
  const values: CopyValue[] = [];
  pushItemValues(stored, storedAt, storedBy, values);
  // Each value sits at its column's place: the record has the table's types as pushItemValues wrote them.
  return Object.fromEntries(ITEM_COLUMNS.map((column, i) => [column, values[i]!])) as unknown as Omit<WireItemsTable, 'status'> & { status: string };
}

export function copyFromRow(row: WireCopyColumns): WireCopy {
  return {
    sourceId: row.source_id, contentHash: row.content_hash, receivedAt: new Date(row.received_at),
    item: {
      format: row.format as WireFormat, agency: row.agency === '' ? null : row.agency, agencyId: row.agency_id, version: row.version,
      headline: row.headline, slugline: row.slugline, dateline: row.dateline, byline: row.byline, creditline: row.creditline,
      language: row.language, summary: row.summary, body: storedBodySchema.parse(JSON.parse(row.body)),
      subjects: subjectsSchema.parse(JSON.parse(row.subjects)), urgency: row.urgency, link: row.link,
      firstCreated: row.first_created ? new Date(row.first_created) : null, versionCreated: row.version_created ? new Date(row.version_created) : null,
      photos: photosSchema.parse(JSON.parse(row.photos)),
    },
  };
}

export function signatureOf(text: string, id: string): Uint32Array {
  const signature = parseSignature(text);
  if (!signature) throw new Error(`wire item ${id} has an unreadable signature`);
  return signature;
}

export function itemFromRow(row: Selectable<WireItemsTable>): StoredWireItem {
  return {
    ...copyFromRow(row), id: row.id, clusterId: row.cluster_id, signature: signatureOf(row.signature, row.id),
    status: row.status as WireItemStatus, usedArticleId: row.used_article_id, topics: row.topics ? topicsSchema.parse(JSON.parse(row.topics)) : null,
  };
}
