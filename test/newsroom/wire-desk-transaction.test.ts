/**
 * The wire desk's one transaction on SQLite and PostgreSQL: Use and Add to story write the story and the item's
 * status together, and when the second write fails neither the story nor the item has changed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSqlWireDeskTransaction } from '../../src/adapters/db/stores/sql-wire-desk-transaction.js';
import { createSqlWireStore } from '../../src/adapters/db/stores/sql-wire-store.js';
import { createMemoryEventBus } from '../../src/adapters/events/memory-event-bus.js';
import type { DomainEvent } from '../../src/core/events/event-bus.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import { createWireDeskService } from '../../src/core/wire/wire-desk-service.js';
import type { WireDeskTransaction } from '../../src/core/wire/wire-desk-transaction.js';
import { createNewsroomService } from '../../src/core/workflow/newsroom-service.js';
import { emptyArticleFields } from '../../src/core/articles/article-fields.js';
import type { Storage } from '../../src/main/storage.js';
import { createWireServices } from '../../src/main/wire-services.js';
import { describeStorageContract } from '../contracts/storage-contract.js';

const NOW = new Date('2025-01-17T12:00:00Z');
const EDITOR: StaffUser = { id: 'editor-1', email: 'e@news.test', name: 'Eve Editor', role: 'editor', author: { slug: 'eve-editor', name: 'Eve Editor' }, createdAt: NOW, disabledAt: null, mustChangePassword: false };

function ninjs(uri: string, headline: string, paragraphs: string[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ uri, version: '1', type: 'text', headline, located: 'Geneva', body_html: paragraphs.map((p) => `<p>${p}</p>`).join('') }));
}

/** The desk over the real SQL transaction; with `failSecondWrite`, the item's status change throws inside it. */
function deskOver(storage: Storage, options: { failSecondWrite?: boolean } = {}) {
  const real = createSqlWireDeskTransaction(storage.db, storage.searchWriter);
  const transaction: WireDeskTransaction = (work) => real((stores) => work(options.failSecondWrite
    ? { ...stores, items: { ...stores.items, setStatus: async () => { throw new Error('disk full'); } } }
    : stores));
  const events = createMemoryEventBus();
  const heard: DomainEvent[] = [];
  events.subscribe((event) => heard.push(event));
  const ids = { newId: () => randomUUID() };
  const desk = createWireDeskService({
    items: createSqlWireStore(storage.db), transaction, sections: storage.sections, editions: storage.editions, authors: storage.authors,
    suggestTopics: async () => ({ ok: true, value: [] }), events, ids, randomBytes: (n) => randomBytes(n), clock: fixedClock(NOW),
  });
  return { desk, heard };
}

async function pushed(storage: Storage, uri: string, headline: string, paragraphs: string[]): Promise<string> {
  const report = await createWireServices(storage, { clock: fixedClock(NOW) }).ingestDocuments([{ origin: uri, bytes: ninjs(uri, headline, paragraphs) }]);
  return report.itemIds[0]!;
}

async function storyCount(storage: Storage): Promise<number> {
  return Number((await storage.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function publishedStory(storage: Storage, paragraphs: string[]): Promise<string> {
  const newsroom = createNewsroomService({
    articles: storage.articles, sections: storage.sections, events: createMemoryEventBus(),
    ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: fixedClock(NOW),
  });
  const { id } = await newsroom.createArticle(EDITOR, { section: { slug: 'world', name: 'World' }, headline: 'Storm hits coast' });
  const fields = { ...emptyArticleFields({ slug: 'world', name: 'World' }, EDITOR.author), headline: 'Storm hits coast', highlights: ['Winds of 120 km/h'], body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })) };
  await newsroom.act(EDITOR, id, { action: 'publish', fields, note: null, scheduledAt: null, autosave: false, expectedVersion: null });
  return id;
}

describeStorageContract('Wire desk transaction', ({ open }) => {
  it('uses an item: the draft and the item marked used by it, in one commit', async () => {
    const storage = await open();
    const itemId = await pushed(storage, 'urn:tx:1', 'Dam approved', ['The council approved the dam.']);
    const { storyId } = await deskOver(storage).desk.useItem(EDITOR, itemId);
    expect(await storage.articles.findState(storyId)).toMatchObject({ status: 'draft', fields: { source: { kind: 'agency', wireId: 'urn:tx:1' } } });
    expect(await createSqlWireStore(storage.db).find(itemId)).toMatchObject({ status: 'used', usedArticleId: storyId });
  });

  it('creates no story and leaves the item new when marking it used fails', async () => {
    const storage = await open();
    const itemId = await pushed(storage, 'urn:tx:2', 'Dam approved', ['The council approved the dam.']);
    const before = await storyCount(storage);
    await expect(deskOver(storage, { failSecondWrite: true }).desk.useItem(EDITOR, itemId)).rejects.toThrow('disk full');
    expect(await storyCount(storage)).toBe(before);
    expect(await storage.db.selectFrom('revisions').select('id').where('actor', '=', EDITOR.id).execute()).toEqual([]);
    expect(await createSqlWireStore(storage.db).find(itemId)).toMatchObject({ status: 'new', usedArticleId: null });
  });

  it('adds copy to a published story with the item marked, or, when marking fails, changes neither and announces nothing', async () => {
    const storage = await open();
    const storyId = await publishedStory(storage, ['A storm hit the coast.']);
    const itemId = await pushed(storage, 'urn:tx:3', 'Storm: two missing', ['A storm hit the coast.', 'Two fishermen are missing.']);
    const version = (await storage.articles.findState(storyId))!.version;

    const failing = deskOver(storage, { failSecondWrite: true });
    await expect(failing.desk.addToStory(EDITOR, itemId, storyId)).rejects.toThrow('disk full');
    expect(await storage.articles.findState(storyId)).toMatchObject({ version, updateNote: null });
    expect((await storage.articles.listRevisions(storyId)).map((r) => r.kind)).not.toContain('updated');
    expect(await createSqlWireStore(storage.db).find(itemId)).toMatchObject({ status: 'new' });
    expect(failing.heard).toEqual([]);

    const working = deskOver(storage);
    expect(await working.desk.addToStory(EDITOR, itemId, storyId)).toEqual({ storyId, action: 'update' });
    expect(await storage.articles.findState(storyId)).toMatchObject({ version: version + 1, updateNote: expect.stringContaining('Updated with reporting') });
    expect(await createSqlWireStore(storage.db).find(itemId)).toMatchObject({ status: 'used', usedArticleId: storyId });
    expect(working.heard).toEqual([expect.objectContaining({ type: 'story.updated', articleId: storyId })]);
  });
});
