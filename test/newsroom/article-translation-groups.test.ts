/** The ArticleStore's newsroom side: editions and translation groups: the same contract on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Storage } from '../../src/main/storage.js';
import { emptyArticleFields } from '../../src/core/articles/article-fields.js';
import { describeStorageContract } from '../contracts/storage-contract.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');

async function withArabic(storage: Storage): Promise<void> {
  await storage.editions.add({ id: 'ar', language: 'ar', name: 'العربية', locale: 'ar-SA', numberingSystem: 'arab', timeZone: 'Asia/Riyadh', direction: 'rtl' });
  await storage.sections.create({ id: randomUUID(), slug: 'عالم', name: 'عالم', edition: 'ar' });
}

async function draft(storage: Storage, section: { slug: string; name: string }, edition?: string): Promise<string> {
  const id = randomUUID();
  await storage.articles.insert({
    id, slug: `s-${id.slice(0, 8)}`, headline: `Story ${id.slice(0, 4)}`, highlights: [], dateline: null, body: [], lead: null, section, topics: [], authors: [],
    source: { kind: 'staff' }, status: 'draft', firstPublishedAt: null, updatedAt: null, updateNote: null, contentKey: null,
    shortCode: id.slice(0, 7), createdAt: T0, revisionId: randomUUID(), actor: null, createdBy: null, ...(edition ? { edition } : {}),
  });
  return id;
}

const WORLD = { slug: 'world', name: 'World' };
const ALAM = { slug: 'عالم', name: 'عالم' };

describeStorageContract('ArticleStore translation groups', ({ open }) => {
  it('reads a story as a group member with its edition', async () => {
    const storage = await open();
    await withArabic(storage);
    const ar = await draft(storage, ALAM, 'ar');
    expect(await storage.articles.findTranslationMember(ar)).toMatchObject({
      id: ar, status: 'draft', translationGroup: null, edition: { id: 'ar', name: 'العربية', language: 'ar', direction: 'rtl', pathPrefix: '/ar' },
    });
    expect((await storage.articles.findState(ar))).toMatchObject({ edition: 'ar', translationGroup: null });
    expect(await storage.articles.findTranslationMember('missing')).toBeNull();
  });

  it('keeps a story in its section\'s edition on every change', async () => {
    const storage = await open();
    await withArabic(storage);
    const id = await draft(storage, WORLD);
    const change = (section: { slug: string; name: string }, expectedVersion: number) => storage.articles.applyChange({
      id, expectedVersion, fromStatuses: ['draft'], status: 'draft', fields: emptyArticleFields(section, null), firstPublishedAt: null, updatedAt: null,
      updateNote: null, minorEdit: false, scheduledAt: null, modifiedBy: null, revision: { id: randomUUID(), kind: 'saved', actor: null, note: null, createdAt: T0 },
    });
    expect((await change(ALAM, 1)).ok).toBe(true);
    expect((await storage.articles.findState(id))!.edition).toBe('ar');
    expect((await storage.articles.list({ limit: 5 })).items.find((s) => s.id === id)?.edition).toBe('ar');
    expect((await change(WORLD, 2)).ok).toBe(true);
    expect((await storage.articles.findState(id))!.edition).toBe('en');
  });

  it('joins and merges groups in one write, lists them in edition order, and dissolves a group of one', async () => {
    const storage = await open();
    await withArabic(storage);
    const [en, ar, en2, ar2] = [await draft(storage, WORLD), await draft(storage, ALAM, 'ar'), await draft(storage, WORLD), await draft(storage, ALAM, 'ar')];
    await storage.articles.joinTranslationGroup({ group: ar, ids: [ar, en], mergeGroups: [] });
    await storage.articles.joinTranslationGroup({ group: 'other', ids: [en2, ar2], mergeGroups: [] });
    expect((await storage.articles.listTranslationGroup(ar)).map((m) => [m.id, m.edition.id])).toEqual([[en, 'en'], [ar, 'ar']]);
    // Merging moves every member of the other group.
    await storage.articles.joinTranslationGroup({ group: ar, ids: [ar, en2], mergeGroups: ['other'] });
    expect(new Set((await storage.articles.listTranslationGroup(ar)).map((m) => m.id))).toEqual(new Set([en, ar, en2, ar2]));
    expect(await storage.articles.listTranslationGroup('other')).toEqual([]);

    await storage.articles.leaveTranslationGroup(en2);
    await storage.articles.leaveTranslationGroup(ar2);
    expect((await storage.articles.findState(en2))!.translationGroup).toBeNull();
    expect(new Set((await storage.articles.listTranslationGroup(ar)).map((m) => m.id))).toEqual(new Set([en, ar]));
    await storage.articles.leaveTranslationGroup(en);
    expect((await storage.articles.findState(ar))!.translationGroup).toBeNull();
    await storage.articles.leaveTranslationGroup(en); // not in a group: nothing to do
  });
});
