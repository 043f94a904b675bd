/** @module WireStore over Kysely: wire items, their versions, the cluster window's signatures and the wire sources (SQLite and PostgreSQL). */
import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import { wireItemKey, type StoredWireItem, type WireItemStatus, type WireStore } from '../../../core/wire/wire-store.js';
import type { WireSource, WireSourceKind } from '../../../core/wire/wire-source.js';
import type { Database, WireSourcesTable } from '../database.js';
import { inTransaction } from '../join-transaction.js';
import { chunks } from './chunks.js';
import {
  copyFromRow, itemColumns, itemFromRow, ITEM_COLUMNS, pushItemValues, pushVersionValues, signatureOf, VERSION_COLUMNS,
} from './sql-wire-rows.js';

/** Rows per multi-row INSERT at most: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const MAX_ROWS_PER_INSERT = 400;
const KEYS_PER_QUERY = 4000;

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
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

/** What a batch inserts into one table: its columns, and each row's values appended in that order. */
interface InsertedRows<T> {
  table: 'wire_items' | 'wire_item_versions';
  columns: readonly string[];
  rows: readonly T[];
  push: (row: T, out: (string | number | null)[]) => void;
}

export interface SqlWireStoreOptions {
  /**
   * Rows per INSERT (default 400, the most under both engines' limits on bound parameters). 1 where a statement costs
   * no round trip (SQLite, in-process): one prepared single-row INSERT run per row binds and steps less than
   * 400-row statements (decision 0003); over a network (PostgreSQL) fewer, larger statements win.
   */
  rowsPerInsert?: number;
}

export function createSqlWireStore(db: Kysely<Database>, options: SqlWireStoreOptions = {}): WireStore {
  const rowsPerInsert = Math.min(Math.max(1, options.rowsPerInsert ?? MAX_ROWS_PER_INSERT), MAX_ROWS_PER_INSERT);
  const insertSql = new Map<string, string>();

  /** The INSERT of `count` rows into a table, compiled by Kysely (each dialect its own SQL and placeholders) once per table and count. */
  function insertText(table: InsertedRows<unknown>['table'], columns: readonly string[], count: number): string {
    const key = `${table} ${count}`;
    let text = insertSql.get(key);
    if (text === undefined) {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      text = db.insertInto(table).values(Array.from({ length: count }, () => placeholder) as never).compile().sql;
      insertSql.set(key, text);
    }
    return text;
  }

  /**
   * Rows bound straight from their values (no record and no query tree per row), `rowsPerInsert` to a statement;
   * each statement's SQL is compiled once and prepared once (the connection keeps prepared statements by SQL).
   */
  async function insertRows<T>(trx: Kysely<Database>, { table, columns, rows, push }: InsertedRows<T>): Promise<void> {
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      const end = Math.min(rows.length, start + rowsPerInsert);
      const parameters: (string | number | null)[] = [];
      for (let i = start; i < end; i++) push(rows[i]!, parameters);
      await trx.executeQuery(CompiledQuery.raw(insertText(table, columns, end - start), parameters));
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
      const { storedBy } = writes;
      await inTransaction(db, async (trx) => {
        for (const next of writes.replacements) {
          const { id, ...columns } = itemColumns(next, storedAt, storedBy);
          await trx.updateTable('wire_items').set(columns).where('id', '=', id).execute();
        }
        await insertRows(trx, { table: 'wire_items', columns: ITEM_COLUMNS, rows: writes.inserts, push: (item, out) => pushItemValues(item, storedAt, storedBy, out) });
        await insertRows(trx, { table: 'wire_item_versions', columns: VERSION_COLUMNS, rows: writes.history, push: pushVersionValues });
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
