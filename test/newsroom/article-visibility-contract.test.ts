/** The newsroom list's `visibleTo` filter (derived from the read rules) on SQLite and PostgreSQL: the same stories, whole pages. */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ArticleStatus } from '../../src/core/articles/article.js';
import type { Storage } from '../../src/main/storage.js';
import { articleVisibility } from '../../src/core/workflow/article-reads.js';
import { describeStorageContract } from '../contracts/storage-contract.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');

async function storyOf(storage: Storage, createdBy: string | null, status: ArticleStatus, minute: number): Promise<string> {
  const id = randomUUID();
  const published = status === 'published' || status === 'unpublished';
  await storage.articles.insert({
    id, slug: `s-${id.slice(0, 8)}`, headline: `Ливень 大雨 مطر ${status} 🌧️`, highlights: [], dateline: null, body: [{ type: 'paragraph', text: 'Rain.' }], lead: null,
    section: { slug: 'world', name: 'World' }, topics: [], authors: [], source: { kind: 'staff' }, status,
    firstPublishedAt: published ? T0 : null, updatedAt: published ? T0 : null, updateNote: null, contentKey: null,
    shortCode: id.slice(0, 7), createdAt: new Date(T0.getTime() + minute * 60_000), revisionId: randomUUID(), actor: createdBy, createdBy,
  });
  return id;
}

describeStorageContract('ArticleStore list visibleTo', ({ open }) => {
  it('lists a writer their own stories in every status and everyone\'s published ones, paging over what they may see', async () => {
    const storage = await open();
    const statuses: ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];
    const visible = new Set<string>();
    let minute = 0;
    for (const status of statuses) {
      for (const owner of ['rita', 'omar', null]) {
        const id = await storyOf(storage, owner, status, minute++);
        if (owner === 'rita' || status === 'published') visible.add(id);
      }
    }
    const visibleTo = articleVisibility('list', { id: 'rita', role: 'reporter' })!;
    const seen: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
      const page = await storage.articles.list({ limit: 2, cursor, visibleTo });
      expect(page.items.length).toBe(page.next ? 2 : page.items.length);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next;
    }
    expect(seen.slice().sort()).toEqual([...visible].sort());
    expect((await storage.articles.list({ limit: 50, visibleTo, statuses: ['draft'] })).items.map((s) => s.createdBy)).toEqual(['rita']);
    expect((await storage.articles.list({ limit: 50 })).items).toHaveLength(15);
  });
});
