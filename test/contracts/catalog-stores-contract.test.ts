/** The SectionStore, TopicStore and AuthorStore contracts, on every storage engine. */
import { expect, it } from 'vitest';
import { makeArticle } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';

const oil = { slug: 'oil', name: 'Oil', kind: 'subject' as const };
const opec = { slug: 'opec', name: 'OPEC', kind: 'organisation' as const };
const riyadh = { slug: 'riyadh', name: 'Riyadh', kind: 'place' as const };

describeStorageContract('SectionStore', ({ open }) => {
  it('lists sections by position, then name, and finds one by its exact slug', async () => {
    const storage = await open();
    await storage.articles.insertMany([
      makeArticle({ section: { slug: 'world', name: 'World' } }),
      makeArticle({ section: { slug: 'business', name: 'Business' } }),
      makeArticle({ section: { slug: 'sport', name: 'Sport' } }),
    ]);
    await storage.db.updateTable('sections').set({ position: 1 }).where('slug', '=', 'business').execute();
    expect(await storage.sections.list()).toEqual([
      { slug: 'sport', name: 'Sport', position: 0, edition: 'en' }, { slug: 'world', name: 'World', position: 0, edition: 'en' }, { slug: 'business', name: 'Business', position: 1, edition: 'en' },
    ]);
    expect(await storage.sections.findBySlug('world')).toEqual({ slug: 'world', name: 'World', edition: 'en' });
    expect(await storage.sections.findBySlug('World')).toBeNull();
    expect(await storage.sections.findBySlug('nowhere')).toBeNull();
  });

  it('keeps each edition\'s sections apart, in its own menu order', async () => {
    const storage = await open();
    await storage.editions.add({ id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh' });
    expect(await storage.sections.create({ id: 's-ar', slug: 'العالم', name: 'العالم', edition: 'ar' })).toBe(true);
    expect(await storage.sections.create({ id: 's-en', slug: 'world', name: 'World' })).toBe(true);
    expect(await storage.sections.list('ar')).toEqual([{ slug: 'العالم', name: 'العالم', position: 1, edition: 'ar' }]);
    expect((await storage.sections.list('en')).map((s) => s.slug)).toEqual(['world']);
    expect(await storage.sections.findBySlug('العالم')).toEqual({ slug: 'العالم', name: 'العالم', edition: 'ar' });
  });

  it('is empty on a fresh database', async () => {
    const storage = await open();
    expect(await storage.sections.list()).toEqual([]);
  });
});

describeStorageContract('TopicStore', ({ open }) => {
  it('finds a topic by slug with its kind', async () => {
    const storage = await open();
    await storage.articles.insert(makeArticle({ topics: [opec] }));
    expect(await storage.topics.findBySlug('opec')).toEqual(opec);
    expect(await storage.topics.findBySlug('OPEC')).toBeNull();
    expect(await storage.topics.findBySlug('nowhere')).toBeNull();
  });

  it('ranks topics by published stories, then name, ignoring drafts, with counts as numbers', async () => {
    const storage = await open();
    await storage.articles.insertMany([
      makeArticle({ topics: [oil, opec] }), makeArticle({ topics: [oil, riyadh] }), makeArticle({ topics: [oil] }),
      makeArticle({ topics: [riyadh], status: 'draft', firstPublishedAt: null, updatedAt: null }),
    ]);
    expect(await storage.topics.listPopular(10)).toEqual([
      { ...oil, stories: 3 }, { ...opec, stories: 1 }, { ...riyadh, stories: 1 },
    ]);
    expect(await storage.topics.listPopular(1)).toEqual([{ ...oil, stories: 3 }]);
  });
});

describeStorageContract('AuthorStore', ({ open }) => {
  it('finds a byline by slug, with no profile (bio, role, photo, links) until one is written', async () => {
    const storage = await open();
    await storage.articles.insert(makeArticle({ authors: [{ slug: 'reem-al-harbi', name: 'Reem Al-Harbi' }] }));
    expect(await storage.authors.findBySlug('reem-al-harbi')).toEqual({ slug: 'reem-al-harbi', name: 'Reem Al-Harbi', bio: null, jobTitle: null, photoId: null, links: [] });
    expect(await storage.authors.findBySlug('nobody')).toBeNull();
  });

  it('finds a byline by its exact name, in any script', async () => {
    const storage = await open();
    await storage.articles.insert(makeArticle({ authors: [{ slug: 'reem-2', name: 'ريم الحربي' }, { slug: 'li-na', name: '李娜' }] }));
    expect(await storage.authors.findByName('ريم الحربي')).toEqual({ slug: 'reem-2', name: 'ريم الحربي' });
    expect(await storage.authors.findByName('李娜')).toEqual({ slug: 'li-na', name: '李娜' });
    expect(await storage.authors.findByName('李')).toBeNull();
  });
});
