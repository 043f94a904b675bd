/** Builder of NewArticle values for store, search and HTTP tests: a published story with sensible defaults. */
import { randomUUID } from 'node:crypto';
import type { NewArticle } from '../../src/core/articles/article-store.js';

let counter = 0;

/** Each call makes a distinct story one minute after the previous one; override what the test is about. */
export function makeArticle(overrides: Partial<NewArticle> = {}): NewArticle {
  counter++;
  const at = new Date(Date.UTC(2025, 0, 1, 0, counter));
  return {
    id: randomUUID(), slug: `story-${counter}`, headline: `Story number ${counter}`, highlights: [`Highlight ${counter}`],
    dateline: 'RIYADH', body: [{ type: 'paragraph', text: `Body of story ${counter} about desalination.` }], lead: null,
    section: { slug: 'world', name: 'World' }, topics: [{ slug: 'saudi-arabia', name: 'Saudi Arabia', kind: 'place' }],
    authors: [{ slug: 'staff-writer', name: 'Staff Writer' }], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: at, updatedAt: at, updateNote: null, contentKey: `key-${counter}`, shortCode: `code${String(counter).padStart(3, '0')}`,
    createdAt: at, revisionId: randomUUID(), actor: 'test',
    ...overrides,
  };
}

/** A body of one paragraph. */
export function paragraph(text: string): NewArticle['body'] {
  return [{ type: 'paragraph', text }];
}
