/** Newsroom, staff and media stores: the same contract on SQLite and PostgreSQL. */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Storage } from '../../src/main/storage.js';
import type { ArticleChange } from '../../src/core/articles/article-workflow-store.js';
import { emptyArticleFields, type ArticleFields } from '../../src/core/articles/article-fields.js';
import { describeStorageContract } from './storage-contract.js';
import { parseSearchQuery } from '../../src/core/search/search-query.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const WORLD = { slug: 'world', name: 'World' };

async function draft(storage: Storage, headline: string, createdBy: string | null = null): Promise<string> {
  const id = randomUUID();
  await storage.articles.insert({
    id, slug: `s-${id.slice(0, 8)}`, headline, highlights: [], dateline: null, body: [], lead: null, section: WORLD, topics: [], authors: [],
    source: { kind: 'staff' }, status: 'draft', firstPublishedAt: null, updatedAt: null, updateNote: null, contentKey: null,
    shortCode: id.slice(0, 7), createdAt: T0, revisionId: randomUUID(), actor: createdBy, createdBy,
  });
  return id;
}

function fields(headline: string): ArticleFields {
  return { ...emptyArticleFields(WORLD, { slug: 'ann', name: 'Ann' }), headline, highlights: ['One point'], topics: [{ slug: 'oslo', name: 'Oslo', kind: 'place' }], body: [{ type: 'paragraph', text: `${headline} body text.` }] };
}

function change(id: string, over: Partial<ArticleChange>): ArticleChange {
  return {
    id, expectedVersion: 1, fromStatuses: ['draft'], status: 'draft', fields: fields('Harbour reopens'), firstPublishedAt: null, updatedAt: null,
    updateNote: null, minorEdit: false, scheduledAt: null, modifiedBy: null, revision: { id: randomUUID(), kind: 'saved', actor: null, note: null, createdAt: T0 },
    ...over,
  };
}

describeStorageContract('ArticleStore workflow', ({ open }) => {
  it('applies a change only at the expected version and status, recording a revision', async () => {
    const storage = await open();
    const id = await draft(storage, 'Harbour');
    expect(await storage.articles.applyChange(change(id, {}))).toEqual({ ok: true, version: 2 });
    expect(await storage.articles.applyChange(change(id, {}))).toEqual({ ok: false, current: { version: 2, status: 'draft' } });
    expect(await storage.articles.applyChange(change(id, { expectedVersion: 2, fromStatuses: ['published'] }))).toEqual({ ok: false, current: { version: 2, status: 'draft' } });
    const state = (await storage.articles.findState(id))!;
    expect(state.fields.headline).toBe('Harbour reopens');
    expect(state.fields.topics).toEqual([{ slug: 'oslo', name: 'Oslo', kind: 'place' }]);
    expect((await storage.articles.listRevisions(id)).map((r) => [r.number, r.kind, r.version])).toEqual([[2, 'saved', 2], [1, 'created', 1]]);
  });

  it('publishing indexes for search and lists; unpublishing removes it everywhere at once', async () => {
    const storage = await open();
    const id = await draft(storage, 'Harbour');
    const published = await storage.articles.applyChange(change(id, { status: 'published', firstPublishedAt: T0, updatedAt: T0, revision: { id: randomUUID(), kind: 'published', actor: null, note: null, createdAt: T0 } }));
    expect(published.ok).toBe(true);
    const query = parseSearchQuery('harbour');
    if (!query.ok) throw new Error('query');
    expect((await storage.search.search(query.value, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'oslo' })).items.map((s) => s.id)).toEqual([id]);
    const gone = await storage.articles.applyChange(change(id, { expectedVersion: 2, fromStatuses: ['published'], status: 'unpublished', firstPublishedAt: T0, updatedAt: T0 }));
    expect(gone.ok).toBe(true);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'oslo' })).items).toEqual([]);
    expect((await storage.articles.listPublished({ limit: 10 })).items).toEqual([]);
    expect((await storage.search.search(query.value, { limit: 10, offset: 0 })).total).toBe(0);
    expect(await storage.articles.statusOfSlug((await storage.articles.findState(id))!.slug)).toBe('unpublished');
  });

  it('keeps corrections and lists public versions oldest first', async () => {
    const storage = await open();
    const id = await draft(storage, 'Harbour');
    await storage.articles.applyChange(change(id, { status: 'published', firstPublishedAt: T0, updatedAt: T0, revision: { id: randomUUID(), kind: 'published', actor: null, note: null, createdAt: T0 } }));
    const T1 = new Date(T0.getTime() + 60_000);
    await storage.articles.applyChange(change(id, {
      expectedVersion: 2, fromStatuses: ['published'], status: 'published', firstPublishedAt: T0, updatedAt: T1, fields: fields('Harbour reopens at last'),
      revision: { id: randomUUID(), kind: 'corrected', actor: null, note: 'Date fixed', createdAt: T1 }, correction: { id: randomUUID(), note: 'An earlier version gave the wrong date.', createdAt: T1 },
    }));
    expect((await storage.articles.listCorrections(id)).map((c) => c.note)).toEqual(['An earlier version gave the wrong date.']);
    expect((await storage.articles.listPublicRevisions(id)).map((r) => [r.kind, r.fields.headline])).toEqual([['published', 'Harbour reopens'], ['corrected', 'Harbour reopens at last']]);
    expect((await storage.articles.findPublishedBySlug((await storage.articles.findState(id))!.slug))!.corrections).toHaveLength(1);
  });

  it('finds due scheduled stories and lists by status, owner and headline words with keyset paging', async () => {
    const storage = await open();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await draft(storage, `Story ${i} 100% sure`));
    await storage.articles.applyChange(change(ids[0]!, { status: 'scheduled', scheduledAt: new Date(T0.getTime() + 3600_000), revision: { id: randomUUID(), kind: 'scheduled', actor: null, note: null, createdAt: new Date(T0.getTime() + 1) } }));
    expect(await storage.articles.listDueScheduled(T0, 10)).toEqual([]);
    expect(await storage.articles.listDueScheduled(new Date(T0.getTime() + 3600_000), 10)).toEqual([{ id: ids[0], version: 2 }]);
    const first = await storage.articles.list({ limit: 2, statuses: ['draft'] });
    expect(first.items).toHaveLength(2);
    const second = await storage.articles.list({ limit: 2, statuses: ['draft'], cursor: first.next });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(4);
    expect((await storage.articles.list({ limit: 10, text: '100%' })).items).toHaveLength(4); // story 0 was renamed by its change
    expect((await storage.articles.list({ limit: 10, text: 'story 3' })).items.map((s) => s.id)).toEqual([ids[3]]);
    expect((await storage.articles.list({ limit: 10, text: '_' })).items).toEqual([]);
  });
});

describeStorageContract('UserStore and SessionStore', ({ open }) => {
  it('keeps emails unique, changes roles and passwords, and revokes sessions per user', async () => {
    const storage = await open();
    const user = { id: randomUUID(), email: 'ann@news.test', name: 'Ann', role: 'editor' as const, passwordHash: 'h', author: { slug: 'ann', name: 'Ann' }, createdAt: T0, mustChangePassword: true };
    expect(await storage.users.insert(user)).toBe(true);
    expect(await storage.users.insert({ ...user, id: randomUUID() })).toBe(false);
    expect((await storage.users.findCredentialsByEmail('ann@news.test'))!.user).toMatchObject({ role: 'editor', author: { slug: 'ann' }, mustChangePassword: true });
    expect(await storage.users.setPasswordHash(user.id, 'h2', T0, false)).toBe(true);
    expect((await storage.users.findById(user.id))!.mustChangePassword).toBe(false);
    expect(await storage.users.setRole(user.id, 'reporter')).toBe(true);
    expect(await storage.users.setRole('nobody', 'reporter')).toBe(false);
    expect(await storage.users.count()).toBe(1);
    const session = { id: 'hash1', userId: user.id, csrfToken: 'c', createdAt: T0, lastSeenAt: T0, expiresAt: new Date(T0.getTime() + 1000), ip: null, userAgent: null };
    await storage.sessions.insert(session);
    await storage.sessions.insert({ ...session, id: 'hash2' });
    expect(await storage.sessions.find('hash1')).toMatchObject({ userId: user.id, csrfToken: 'c' });
    expect(await storage.sessions.removeExpired(new Date(T0.getTime() + 2000))).toBe(2);
    await storage.sessions.insert({ ...session, id: 'hash3', expiresAt: new Date(T0.getTime() + 10_000) });
    expect(await storage.sessions.removeForUser(user.id)).toBe(1);
    expect(await storage.sessions.find('hash3')).toBeNull();
  });
});

describeStorageContract('MediaStore', ({ open }) => {
  it('stores photos and searches caption, credit and alt text case-insensitively, newest first', async () => {
    const storage = await open();
    const photo = (id: string, caption: string, at: number) => ({
      id, originalFormat: 'jpeg' as const, width: 100, height: 50, bytes: 1234, caption, credit: 'Jane/AFP', alt: 'A harbour', uploadedBy: null,
      createdAt: new Date(T0.getTime() + at), variants: [{ width: 100, height: 50, format: 'webp' as const, key: `${id.slice(0, 2)}/${id}-100.webp`, bytes: 99 }],
    });
    const a = randomUUID();
    const b = randomUUID();
    await storage.media.insert(photo(a, 'Harbour at dusk', 0));
    await storage.media.insert(photo(b, 'Parliament in session', 1000));
    expect((await storage.media.search({ limit: 10 })).map((p) => p.id)).toEqual([b, a]);
    expect((await storage.media.search({ text: 'HARBOUR dusk', limit: 10 })).map((p) => p.id)).toEqual([a]);
    expect((await storage.media.search({ text: 'afp', limit: 10 })).length).toBe(2);
    expect((await storage.media.find(a))!.variants[0]!.format).toBe('webp');
    expect([...(await storage.media.findMany([a, 'missing'])).keys()]).toEqual([a]);
  });
});

describeStorageContract('SettingsStore', ({ open }) => {
  it('stores only what an admin changed, and saves again over it', async () => {
    const storage = await open();
    expect(await storage.settings.load()).toEqual({});
    const logo = JSON.stringify({ mediaId: 'm1', path: '/media/ab/ab12cd34-320.png', width: 320, height: 320, alt: 'شعار 标志 🗞️' });
    await storage.settings.save({ siteName: 'Herald', siteDescription: 'News', feedFullText: 'on', shareImage: '', publisherLogo: '' }, T0);
    await storage.settings.save({ siteName: 'The Herald', siteDescription: 'All the news', feedFullText: 'off', shareImage: '', publisherLogo: logo }, new Date(T0.getTime() + 1000));
    expect(await storage.settings.load()).toEqual({ siteName: 'The Herald', siteDescription: 'All the news', feedFullText: 'off', shareImage: '', publisherLogo: logo });
  });
});
