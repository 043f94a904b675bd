import { describe, expect, it } from 'vitest';
import type { NamedRef } from '../articles/article.js';
import { authorNameKey, bylineAuthors } from './byline-author.js';

/** Authors as a store holds them: exact name lookups and slug lookups, nothing else. */
function store(existing: NamedRef[]) {
  const asked: string[] = [];
  return {
    asked,
    authors: {
      findByName: async (name: string) => existing.find((a) => a.name === name) ?? null,
      findBySlug: async (slug: string) => {
        asked.push(slug);
        const found = existing.find((a) => a.slug === slug);
        return found ? { ...found, bio: null, jobTitle: null, photoId: null, links: [] } : null;
      },
    },
  };
}

describe('bylineAuthors', () => {
  it('credits an agency\'s capitals to the staff author of the same name, deliberately: names compared as names', async () => {
    const { authors } = store([{ slug: 'john-smith', name: 'John Smith' }, { slug: 'jurgen-muller', name: 'Jürgen Müller' }]);
    expect(await bylineAuthors(authors, ['JOHN SMITH', ' john   smith ', 'JÜRGEN MÜLLER'])).toEqual([
      { slug: 'john-smith', name: 'John Smith' }, { slug: 'john-smith', name: 'John Smith' }, { slug: 'jurgen-muller', name: 'Jürgen Müller' },
    ]);
    expect(authorNameKey('Ju\u0308rgen\tMÜLLER')).toBe(authorNameKey('jürgen müller'));
  });

  it('never credits a different name to the author whose slug it happens to make: the new author gets -2, -3 …', async () => {
    // "John Smíth" and "John Smith" make the same slug, but they are different names.
    const { authors } = store([{ slug: 'john-smith', name: 'John Smith' }, { slug: 'john-smith-2', name: 'John-Smith' }]);
    expect(await bylineAuthors(authors, ['John Smíth', 'JOHN SMÍTH', 'John Smîth'])).toEqual([
      { slug: 'john-smith-3', name: 'John Smíth' }, { slug: 'john-smith-3', name: 'JOHN SMÍTH' }, { slug: 'john-smith-4', name: 'John Smîth' },
    ]);
  });

  it('gives a name without letters a slug of its own, never "staff", and keeps every script', async () => {
    const { authors, asked } = store([{ slug: 'staff', name: 'Staff' }, { slug: 'author', name: 'Desk' }]);
    expect(await bylineAuthors(authors, ['🦊🦊', '★', 'أحمد  علي', '王小明', 'Иван Петров'])).toEqual([
      { slug: 'author-2', name: '🦊🦊' }, { slug: 'author-3', name: '★' }, { slug: 'احمد-علي', name: 'أحمد علي' },
      { slug: '王小明', name: '王小明' }, { slug: 'иван-петров', name: 'Иван Петров' },
    ]);
    expect(asked).not.toContain('staff');
  });
});
