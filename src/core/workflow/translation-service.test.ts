import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/event-bus.js';
import { isDomainError } from '../shared/domain-error.js';
import type { Role, StaffUser } from '../staff/staff-user.js';
import type { ArticleStore } from '../articles/article-store.js';
import type { ArticleState, TranslationJoin, TranslationMember } from '../articles/article-workflow-store.js';
import { emptyArticleFields } from '../articles/article-fields.js';
import { createTranslationService } from './translation-service.js';

const EN = { id: 'en', name: 'English', language: 'en', direction: 'ltr', pathPrefix: '' } as const;
const AR = { id: 'ar', name: 'العربية', language: 'ar', direction: 'rtl', pathPrefix: '/ar' } as const;

/** The translation part of the ArticleStore, in memory; the rest of the port is never called here. */
function memoryStore(members: TranslationMember[]) {
  const byId = new Map(members.map((m) => [m.id, { ...m }]));
  const store: Partial<ArticleStore> = {
    findTranslationMember: async (id) => byId.get(id) ?? null,
    findIdBySlug: async (slug) => [...byId.values()].find((m) => m.slug === slug)?.id ?? null,
    listTranslationGroup: async (group) => [...byId.values()].filter((m) => m.translationGroup === group),
    joinTranslationGroup: async ({ group, ids, mergeGroups }: TranslationJoin) => {
      for (const m of byId.values()) if (ids.includes(m.id) || (m.translationGroup && mergeGroups.includes(m.translationGroup))) m.translationGroup = group;
    },
    leaveTranslationGroup: async (id) => {
      const group = byId.get(id)?.translationGroup;
      if (!group) return;
      byId.get(id)!.translationGroup = null;
      const left = [...byId.values()].filter((m) => m.translationGroup === group);
      if (left.length === 1) left[0]!.translationGroup = null;
    },
    findState: async (id) => {
      const m = byId.get(id);
      return m ? ({ id, slug: m.slug, status: m.status, fields: emptyArticleFields({ slug: 'world', name: 'World' }, null) } as ArticleState) : null;
    },
  };
  return { store: store as ArticleStore, byId };
}

const staff = (role: Role, id: string = role): StaffUser => ({ id, email: `${id}@x.test`, name: id, role, author: null, createdAt: new Date(0), disabledAt: null, mustChangePassword: false });
const story = (id: string, edition: typeof EN | typeof AR, status: TranslationMember['status'] = 'published', createdBy: string | null = null): TranslationMember =>
  ({ id, slug: `slug-${id}`, headline: `Story ${id}`, status, createdBy, translationGroup: null, edition });

function setup(members: TranslationMember[]) {
  const { store, byId } = memoryStore(members);
  const events: DomainEvent[] = [];
  const service = createTranslationService({ articles: store, events: { publish: async (e) => void events.push(e), subscribe: () => () => {} } });
  return { service, byId, events };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isDomainError(error)) throw new Error('expected a DomainError');
  return error;
}

describe('translation service', () => {
  it('links by a pasted address and tells readers\' caches about the published stories only', async () => {
    const { service, byId, events } = setup([story('a', EN), story('b', AR), story('c', AR, 'draft')]);
    expect((await service.linkTranslation(staff('editor'), 'a', 'https://news.test/ar/article/slug-b')).id).toBe('b');
    expect([byId.get('a')!.translationGroup, byId.get('b')!.translationGroup]).toEqual(['a', 'a']);
    expect(events.map((e) => e.type === 'story.updated' && [e.slug, e.tags.includes(`article:${e.slug}`)])).toEqual([['slug-a', true], ['slug-b', true]]);
    expect((await service.listTranslations(staff('editor'), 'a')).map((m) => m.id)).toEqual(['b']);
  });

  it('shows a writer only the translations they may read, and no box at all on a story they may not read', async () => {
    const { service } = setup([story('a', EN, 'draft', 'rita'), story('b', AR, 'draft', 'omar'), story('c', AR, 'published', 'omar'), story('d', EN, 'scheduled', 'omar')]);
    await service.linkTranslation(staff('editor'), 'a', 'slug-b');
    await service.linkTranslation(staff('editor'), 'd', 'slug-c');
    expect((await service.listTranslations(staff('reporter', 'rita'), 'a')).map((m) => m.id)).toEqual([]);
    expect((await service.listTranslations(staff('reporter', 'omar'), 'b')).map((m) => m.id)).toEqual([]);
    expect((await service.listTranslations(staff('editor', 'ed'), 'a')).map((m) => m.id)).toEqual(['b']);
    expect((await service.listTranslations(staff('contributor', 'omar'), 'c')).map((m) => m.id)).toEqual(['d']);
    expect((await failure(service.listTranslations(staff('contributor', 'rita'), 'd'))).code).toBe('ARTICLE_NOT_FOUND');
    expect((await failure(service.unlinkTranslation(staff('reporter', 'rita'), 'b'))).code).toBe('ARTICLE_NOT_FOUND');
  });

  it('refuses writers before looking at the address, even on their own story', async () => {
    const { service, events } = setup([story('a', EN, 'draft', 'rita'), story('b', AR)]);
    for (const role of ['contributor', 'reporter'] as const) {
      expect((await failure(service.linkTranslation(staff(role, 'rita'), 'a', 'nonsense address'))).code).toBe('PERMISSION_DENIED');
      expect((await failure(service.unlinkTranslation(staff(role, 'rita'), 'a'))).code).toBe('PERMISSION_DENIED');
    }
    expect(events).toEqual([]);
  });

  it('names what is wrong with an address, a missing story and an unlinked story', async () => {
    const { service } = setup([story('a', EN), story('b', AR)]);
    expect((await failure(service.linkTranslation(staff('admin'), 'a', 'two words'))).message).toContain('Paste the address');
    expect((await failure(service.linkTranslation(staff('admin'), 'a', '/article/nope'))).message).toBe('No story has the address “/article/nope”.');
    expect((await failure(service.linkTranslation(staff('admin'), 'zz', 'slug-b'))).code).toBe('ARTICLE_NOT_FOUND');
    const unlinked = await failure(service.unlinkTranslation(staff('admin'), 'a'));
    expect([unlinked.code, unlinked.details?.issues]).toEqual(['VALIDATION_FAILED', [{ path: 'translation', message: 'This story is not linked to any translation.' }]]);
  });

  it('unlinks and announces the group it left', async () => {
    const { service, byId, events } = setup([story('a', EN), story('b', AR)]);
    await service.linkTranslation(staff('editor'), 'a', 'b'); // a bare id works too
    events.length = 0;
    await service.unlinkTranslation(staff('editor'), 'b');
    expect([byId.get('a')!.translationGroup, byId.get('b')!.translationGroup]).toEqual([null, null]);
    expect(events.map((e) => e.type === 'story.updated' && e.slug)).toEqual(['slug-a', 'slug-b']);
  });
});
