/** @module WireStore over Kysely: wire items, their versions, the cluster window's signatures and the wire sources (SQLite and PostgreSQL). */
import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { WireFormat } from '../../../core/wire/wire-item.js';
import { parseSignature, serialiseSignature } from '../../../core/wire/near-duplicate-storage.js';
import { wireItemKey, type StoredWireItem, type WireCopy, type WireItemStatus, type WireStore } from '../../../core/wire/wire-store.js';
import type { WireSource, WireSourceKind } from '../../../core/wire/wire-source.js';
import { storedBodySchema } from '../../validation/body-block-schema.js';
import type { Database, WireCopyColumns, WireItemsTable, WireSourcesTable } from '../database.js';
import { inTransaction } from '../join-transaction.js';

const subjectsSchema = z.array(z.object({ name: z.string(), code: z.string().nullable(), scheme: z.string().nullable() }));
const photosSchema = z.array(z.object({
  href: z.string(), width: z.number().nullable(), height: z.number().nullable(), mimeType: z.string().nullable(), caption: z.string().nullable(), credit: z.string().nullable(),
}));
const topicsSchema = z.array(z.object({ name: z.string(), kind: z.enum(['person', 'place', 'organisation', 'subject']), confidence: z.number().min(0).max(1).optional() }));

/** Rows per multi-row INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ITEM_ROWS_PER_INSERT = 400;
const KEYS_PER_QUERY = 4000;

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function copyColumns(copy: WireCopy): WireCopyColumns {
  const { item } = copy;
  return {
    source_id: copy.sourceId, agency: item.agency ?? '', agency_id: item.agencyId, version: item.version, content_hash: copy.contentHash,
    format: item.format, headline: item.headline, slugline: item.slugline, dateline: item.dateline, byline: item.byline,
    creditline: item.creditline, language: item.language, summary: item.summary, body: JSON.stringify(item.body),
    subjects: JSON.stringify(item.subjects), photos: JSON.stringify(item.photos), urgency: item.urgency, link: item.link,
    first_created: iso(item.firstCreated), version_created: iso(item.versionCreated), received_at: copy.receivedAt.toISOString(),
  };
}

function itemColumns(stored: StoredWireItem, storedAt: string, storedBy: string): Omit<WireItemsTable, 'status'> & { status: string } {
  return {
    ...copyColumns(stored), id: stored.id, cluster_id: stored.clusterId, signature: serialiseSignature(stored.signature),
    status: stored.status, used_article_id: stored.usedArticleId, topics: stored.topics ? JSON.stringify(stored.topics) : null,
    stored_at: storedAt, stored_by: storedBy,
  };
}

function copyFromRow(row: WireCopyColumns): WireCopy {
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

function signatureOf(hex: string, id: string): Uint32Array {
  const signature = parseSignature(hex);
  if (!signature) throw new Error(`wire item ${id} has an unreadable signature`);
  return signature;
}

function itemFromRow(row: Selectable<WireItemsTable>): StoredWireItem {
  return {
    ...copyFromRow(row), id: row.id, clusterId: row.cluster_id, signature: signatureOf(row.signature, row.id),
    status: row.status as WireItemStatus, usedArticleId: row.used_article_id, topics: row.topics ? topicsSchema.parse(JSON.parse(row.topics)) : null,
  };
}

function sourceFromRow(row: Selectable<WireSourcesTable>): WireSource {
  const at = (v: string | null) => (v ? new Date(v) : null);
  return {
    id: row.id, slug: row.slug, name: row.name, kind: row.kind as WireSourceKind, url: row.url, tokenHash: row.token_hash,
    everySeconds: row.every_seconds, allowPrivate: Number(row.allow_private) === 1, etag: row.etag, lastModified: row.last_modified,
    lastPolledAt: at(row.last_polled_at), nextPollAt: at(row.next_poll_at), failures: Number(row.failures), lastError: row.last_error,
    createdAt: new Date(row.created_at),
  };
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

type InsertedTable = 'wire_items' | 'wire_item_versions';

export function createSqlWireStore(db: Kysely<Database>): WireStore {
  const insertSql = new Map<string, string>();

  /**
   * Multi-row INSERTs whose SQL Kysely compiles once per table and row count, run with the rows' values
   * as flat parameters: building a query tree of ~30 value nodes per row cost more than SQLite's insert.
   */
  async function insertRows(trx: Kysely<Database>, table: InsertedTable, rows: Record<string, unknown>[]): Promise<void> {
    for (const part of chunks(rows, ITEM_ROWS_PER_INSERT)) {
      const columns = Object.keys(part[0]!);
      const key = `${table} ${part.length} ${columns.join(',')}`;
      let text = insertSql.get(key);
      if (text === undefined) {
        const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
        text = db.insertInto(table).values(part.map(() => placeholder) as never).compile().sql;
        insertSql.set(key, text);
      }
      const parameters: unknown[] = [];
      for (const row of part) for (const column of columns) parameters.push(row[column] ?? null);
      await trx.executeQuery(CompiledQuery.raw(text, parameters));
    }
  }

  return {
    async findByAgencyKeys(keys) {
      const found = new Map<string, StoredWireItem>();
      const byAgency = new Map<string, Set<string>>();
      for (const { agency, agencyId } of keys) byAgency.set(agency, (byAgency.get(agency) ?? new Set()).add(agencyId));
      for (const [agency, agencyIds] of byAgency) {
        for (const part of chunks([...agencyIds], KEYS_PER_QUERY)) {
          const rows = await db.selectFrom('wire_items').selectAll().where('agency', '=', agency).where('agency_id', 'in', part).execute();
          for (const row of rows) found.set(wireItemKey(row.agency, row.agency_id), itemFromRow(row));
        }
      }
      return found;
    },

    async findVersionHashes(itemIds) {
      const found = new Map<string, Set<string>>();
      for (const part of chunks([...new Set(itemIds)], KEYS_PER_QUERY)) {
        const rows = await db.selectFrom('wire_item_versions').select(['item_id', 'content_hash']).where('item_id', 'in', part).execute();
        for (const row of rows) found.set(row.item_id, (found.get(row.item_id) ?? new Set()).add(row.content_hash));
      }
      return found;
    },

    async findWindowRows(query) {
      let q = db.selectFrom('wire_items').select(['id', 'cluster_id', 'signature', 'received_at', 'stored_at'])
        .where('received_at', '>=', query.receivedSince.toISOString());
      if (query.storedSince) q = q.where('stored_at', '>=', query.storedSince.toISOString());
      if (query.notStoredBy !== undefined) q = q.where('stored_by', '<>', query.notStoredBy);
      const rows = await q.execute();
      return rows.map((row) => ({
        itemId: row.id, clusterId: row.cluster_id, signature: signatureOf(row.signature, row.id), receivedAt: new Date(row.received_at), storedAt: new Date(row.stored_at),
      }));
    },

    async writeBatch(writes) {
      const storedAt = writes.storedAt.toISOString();
      const columnsOf = (item: StoredWireItem) => itemColumns(item, storedAt, writes.storedBy);
      await inTransaction(db, async (trx) => {
        for (const next of writes.replacements) {
          const { id, ...columns } = columnsOf(next);
          await trx.updateTable('wire_items').set(columns).where('id', '=', id).execute();
        }
        await insertRows(trx, 'wire_items', writes.inserts.map(columnsOf));
        await insertRows(trx, 'wire_item_versions', writes.history.map((v) => ({ ...copyColumns(v), id: v.id, item_id: v.itemId })));
      });
    },

    async find(id) {
      const row = await db.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? itemFromRow(row) : null;
    },

    async listAgencies() {
      const rows = await db.selectFrom('wire_items').select('agency').distinct().where('agency', '!=', '').orderBy('agency').execute();
      return rows.map((r) => r.agency);
    },

    async list(query) {
      let q = db.selectFrom('wire_items')
        .select(['id', 'agency', 'agency_id', 'version', 'headline', 'dateline', 'received_at', 'cluster_id', 'status', 'format', 'source_id'])
        .select(sql<number>`length(body)`.as('body_length'));
      if (query.status) q = q.where('status', '=', query.status);
      if (query.agency !== undefined) q = q.where('agency', '=', query.agency);
      if (query.clusterId) q = q.where('cluster_id', '=', query.clusterId);
      if (query.clusterIds) q = query.clusterIds.length > 0 ? q.where('cluster_id', 'in', query.clusterIds) : q.where(sql<boolean>`1 = 0`);
      if (query.receivedSince) q = q.where('received_at', '>=', query.receivedSince.toISOString());
      if (query.before) {
        const at = query.before.receivedAt.toISOString();
        q = q.where('received_at', '<=', at).where((eb) => eb.or([eb('received_at', '<', at), eb('id', '<', query.before!.id)]));
      }
      const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map((r) => ({
        id: r.id, agency: r.agency === '' ? null : r.agency, agencyId: r.agency_id, version: r.version, headline: r.headline, dateline: r.dateline,
        receivedAt: new Date(r.received_at), clusterId: r.cluster_id, status: r.status as WireItemStatus, format: r.format, sourceId: r.source_id,
        bodyLength: Number(r.body_length),
      }));
    },

    async versions(itemId) {
      const rows = await db.selectFrom('wire_item_versions').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').orderBy('received_at', 'desc').execute();
      return rows.map((row) => ({ ...copyFromRow(row), id: row.id, itemId: row.item_id }));
    },

    async setStatus(id, from, to, usedArticleId) {
      const result = await db.updateTable('wire_items').set({ status: to, used_article_id: usedArticleId })
        .where('id', '=', id).where('status', 'in', from).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setTopics(id, topics) {
      await db.updateTable('wire_items').set({ topics: JSON.stringify(topics) }).where('id', '=', id).execute();
    },

    async insertSource(s) {
      await db.insertInto('wire_sources').values({
        id: s.id, slug: s.slug, name: s.name, kind: s.kind, url: s.url, token_hash: s.tokenHash, every_seconds: s.everySeconds,
        allow_private: s.allowPrivate ? 1 : 0, etag: s.etag, last_modified: s.lastModified, last_polled_at: iso(s.lastPolledAt),
        next_poll_at: iso(s.nextPollAt), failures: s.failures, last_error: s.lastError, created_at: s.createdAt.toISOString(),
      }).execute();
    },
    async findSourceBySlug(slug) {
      const row = await db.selectFrom('wire_sources').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? sourceFromRow(row) : null;
    },
    async findSource(id) {
      const row = await db.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? sourceFromRow(row) : null;
    },
    async listSources() {
      return (await db.selectFrom('wire_sources').selectAll().orderBy('slug').execute()).map(sourceFromRow);
    },
    async dueFeedSources(now) {
      const rows = await db.selectFrom('wire_sources').selectAll().where('kind', '=', 'feed')
        .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now.toISOString())]))
        .orderBy('next_poll_at').orderBy('slug').execute();
      return rows.map(sourceFromRow);
    },
    async updateSourcePoll(id, poll) {
      await db.updateTable('wire_sources').set({
        etag: poll.etag, last_modified: poll.lastModified, last_polled_at: iso(poll.lastPolledAt), next_poll_at: iso(poll.nextPollAt),
        failures: poll.failures, last_error: poll.lastError,
      }).where('id', '=', id).execute();
    },
  };
}
