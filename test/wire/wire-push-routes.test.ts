/** @module Tests for the wire push endpoint, through inject() on a tiny app over a real (in-memory SQLite) wire desk built by main/. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixture-path.js';
import { createWireServices } from '../../src/main/wire-services.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { registerWirePushRoutes } from '../../src/adapters/http/wire/wire-push-routes.js';
import { isStorageFault } from '../../src/adapters/db/storage-faults.js';
import { createSqlWireStore } from '../../src/adapters/db/stores/sql-wire-store.js';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { DEFAULT_XML_LIMITS } from '../../src/adapters/wire/xml-limits.js';
import { createWireDocumentIngest } from '../../src/core/wire/wire-document-ingest.js';
import { createWireIngestService } from '../../src/core/wire/wire-ingest-service.js';
import { sha256Hex, systemClock } from '../../src/main/app-services.js';

const NINJS = readFileSync(fixturePath('wire/ninjs/2.1/ntb_text.json'));
const NEWSML = readFileSync(fixturePath('wire/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml'));
let storage: Storage | null = null;

afterEach(async () => {
  await storage?.close();
  storage = null;
});

async function pushApp(maxBytes?: number) {
  storage = await openStorage('sqlite::memory:');
  const wire = createWireServices(storage);
  const added = await wire.sources.add({ name: 'NTB', kind: 'push' });
  if (!added.ok) throw new Error(added.reason);
  await wire.sources.add({ name: 'Some Feed', kind: 'feed', url: 'https://example.com/feed' });
  const app = Fastify();
  registerWirePushRoutes(app, { sources: wire.sources, ingestDocuments: wire.ingestDocuments, ...(maxBytes ? { maxBytes } : {}) });
  await app.ready();
  return { app, wire, token: added.value.pushToken! };
}

describe('POST /wire/push/:sourceSlug', () => {
  it('stores a pushed ninjs item and answers 202 after it is committed; a resend is a duplicate', async () => {
    const { app, wire, token } = await pushApp();
    const push = () => app.inject({ method: 'POST', url: '/wire/push/ntb', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: NINJS });
    const first = await push();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ ingested: 1, updated: 0, duplicates: 0, failed: 0 });
    const [entry] = await wire.ingest.list({ limit: 5 });
    expect(entry?.id).toBe(first.json().itemIds[0]);
    expect((await wire.ingest.find(entry!.id))?.sourceId).toBe((await wire.sources.findBySlug('ntb'))?.id);
    expect((await push()).json()).toMatchObject({ ingested: 0, duplicates: 1 });
  });

  it('answers 401 to a wrong, missing or other source’s token, and for unknown or feed sources', async () => {
    const { app, token } = await pushApp();
    const post = (url: string, authorization?: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, payload: NINJS });
    for (const response of [
      await post('/wire/push/ntb'), await post('/wire/push/ntb', `Bearer ${token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`),
      await post('/wire/push/ntb', `Basic ${token}`), await post('/wire/push/nobody', `Bearer ${token}`), await post('/wire/push/some-feed', `Bearer ${token}`),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="wire push"');
      expect(response.json()).toEqual({ error: { code: 'WIRE_PUSH_UNAUTHORIZED', message: 'A valid bearer token for this source is required.' } });
    }
  });

  it('answers 422 with the parser’s error, 400 for an empty body and 413 past the size limit, each in the error envelope', async () => {
    const { app, token } = await pushApp(64 * 1024);
    const post = (payload: string | Buffer, type = 'application/xml') => app.inject({ method: 'POST', url: '/wire/push/ntb', headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload });
    const html = await post('<!DOCTYPE html><html><body>hi</body></html>', 'text/html');
    expect(html.statusCode).toBe(422);
    expect(html.json().error.code).toBe('WIRE_PUSH_UNREADABLE');
    expect(html.json().error.message).toMatch(/HTML page/);
    expect((await post('{"uri": ', 'application/json')).json().error.message).toMatch(/malformed JSON/);
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('WIRE_PUSH_EMPTY');
    const big = await post(Buffer.alloc(65 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/json');
    expect(big.json()).toEqual({ error: { code: 'REQUEST_TOO_LARGE', message: `The document is larger than ${64 * 1024} bytes.`, details: { maxBytes: 64 * 1024 } } });
  });

  it('answers a document it read but could not store with a 5xx the agency retries, never 422: 507 for a full disk, 500 otherwise', async () => {
    storage = await openStorage('sqlite::memory:');
    const wire = createWireServices(storage);
    const added = await wire.sources.add({ name: 'NTB', kind: 'push' });
    if (!added.ok) throw new Error(added.reason);
    let failure: Error = new Error('boom');
    // The real store, whose batch write fails the way a full disk or a broken row makes it fail.
    const store = createSqlWireStore(storage.db);
    const failing = { ...store, writeBatch: async () => { throw failure; } };
    const ingest = createWireIngestService({ store: failing, clock: systemClock, ids: { newId: () => randomUUID() }, hash: sha256Hex, isStorageFault });
    const app = Fastify();
    registerWirePushRoutes(app, { sources: wire.sources, ingestDocuments: createWireDocumentIngest({ ingest, parse: parseWireDocument, clock: systemClock }) });
    await app.ready();
    const push = () => app.inject({ method: 'POST', url: '/wire/push/ntb', headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' }, payload: NINJS });

    failure = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const full = await push();
    expect(full.statusCode).toBe(507);
    expect(full.headers['retry-after']).toBe('60');
    expect(full.json()).toEqual({ error: { code: 'STORAGE_FULL', message: expect.stringContaining('nothing was stored') } });

    failure = Object.assign(new Error('CHECK constraint failed: wire_items'), { code: 'SQLITE_CONSTRAINT_CHECK' });
    const broken = await push();
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'The item could not be stored; try again.' } });
    expect(broken.body).not.toContain('CHECK constraint');
  });

  it('answers a valid document the server had no time to read (a loaded machine) 503 SERVER_BUSY with Retry-After, never 422', async () => {
    storage = await openStorage('sqlite::memory:');
    const wire = createWireServices(storage);
    const added = await wire.sources.add({ name: 'NTB', kind: 'push' });
    if (!added.ok) throw new Error(added.reason);
    // The same reader with its time budget spent before it starts: what a loaded machine does to a valid document.
    const spent = { ...DEFAULT_XML_LIMITS, maxParseMs: -1 };
    const ingestDocuments = createWireDocumentIngest({ ingest: wire.ingest, parse: (origin, bytes, at) => parseWireDocument(origin, bytes, at, { xmlLimits: spent }), clock: systemClock });
    const app = Fastify();
    registerWirePushRoutes(app, { sources: wire.sources, ingestDocuments });
    await app.ready();
    const push = (payload: Buffer | string) => app.inject({ method: 'POST', url: '/wire/push/ntb', headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/xml' }, payload });

    const busy = await push(NEWSML);
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('10');
    expect(busy.json()).toEqual({ error: { code: 'SERVER_BUSY', message: expect.stringContaining('nothing was stored') } });
    expect(await wire.ingest.list({ limit: 5 })).toEqual([]);
    // A document that breaks a limit of its own is still the agency's to fix.
    const attributes = Array.from({ length: 300 }, (_, i) => ` a${i}="عربي"`).join('');
    const bad = await push(`<rss version="2.0"><channel${attributes}><title>x</title></channel></rss>`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'WIRE_PUSH_UNREADABLE', message: expect.stringMatching(/300 attributes/) });
  });
});
