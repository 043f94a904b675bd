/** @module Tests for reading the story form's topics: accepted names, suggestions kept apart until an editor accepts them. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../../core/articles/article-fields.js';
import { openStorage, type Storage } from '../../../main/storage.js';
import { makeArticle } from '../../../../test/support/make-article.js';
import { fieldsFromForm, parseStoryForm, type FormContext } from './story-form.js';

let storage: Storage | null = null;
afterEach(async () => {
  await storage?.close();
  storage = null;
});

async function context(): Promise<FormContext> {
  storage = await openStorage('sqlite::memory:');
  await storage.articles.insert(makeArticle({ topics: [{ slug: 'kremlin', name: 'Kremlin', kind: 'organisation' }] }));
  // No lead photo is chosen in these forms, so the media library is never asked.
  return { sections: storage.sections, topics: storage.topics, media: { find: () => Promise.reject(new Error('not asked')), urlOf: () => '' } as unknown as FormContext['media'] };
}

const current = {
  ...makeArticle(),
  topics: [
    { slug: 'kremlin', name: 'Kremlin', kind: 'organisation' as const },
    { slug: 'belgorod', name: 'Belgorod', kind: 'place' as const, accepted: false as const },
    { slug: 'москва', name: 'Москва', kind: 'place' as const, accepted: false as const },
  ],
} as unknown as ArticleFields;

describe('fieldsFromForm topics', () => {
  it('accepts a suggestion the editor moved into Topics and keeps the others as suggestions', async () => {
    const form = parseStoryForm({ headline: 'H', topics: 'Kremlin, Belgorod', suggested_topics: 'Москва' });
    const fields = await fieldsFromForm(form, await context(), current);
    expect(fields.topics).toEqual([
      { slug: 'kremlin', name: 'Kremlin', kind: 'organisation' },
      { slug: 'belgorod', name: 'Belgorod', kind: 'place' },
      { slug: 'москва', name: 'Москва', kind: 'place', accepted: false },
    ]);
  });

  it('drops a suggestion the editor deleted, and keeps the story\'s suggestions when a client sends no suggested_topics', async () => {
    const ctx = await context();
    expect((await fieldsFromForm(parseStoryForm({ topics: 'Kremlin', suggested_topics: '' }), ctx, current)).topics).toEqual([{ slug: 'kremlin', name: 'Kremlin', kind: 'organisation' }]);
    expect((await fieldsFromForm(parseStoryForm({ topics: 'Kremlin' }), ctx, current)).topics).toEqual(current.topics);
  });
});
