/** The wire desk's use cases over in-memory ports whose transaction commits a working copy only when the work resolves. */
import { describe, expect, it } from 'vitest';
import type { ArticleStore, NewArticle } from '../articles/article-store.js';
import type { DomainEvent } from '../events/event-bus.js';
import { fixedClock } from '../shared/clock.js';
import { isDomainError } from '../shared/domain-error.js';
import type { Role, StaffUser } from '../staff/staff-user.js';
import type { ArticleChange, ArticleState } from '../articles/article-workflow-store.js';
import type { WireItem } from './wire-item.js';
import { createWireDeskService } from './wire-desk-service.js';
import type { WireDeskStores, WireDeskTransaction } from './wire-desk-transaction.js';
import type { StoredWireItem } from './wire-store.js';

const NOW = new Date('2025-01-17T12:00:00Z');

function staff(role: Role): StaffUser {
  return { id: `${role}-1`, email: `${role}@news.test`, name: role, role, author: null, createdAt: NOW, disabledAt: null, mustChangePassword: false };
}

function wireItem(id: string, paragraphs: string[], status: StoredWireItem['status'] = 'new'): StoredWireItem {
  const item: WireItem = {
    format: 'ninjs', agency: 'Test Agency', agencyId: `urn:test:${id}`, version: 1, headline: `Headline ${id}`, slugline: null, dateline: 'Geneva',
    byline: null, creditline: null, language: 'en', summary: null, body: paragraphs.map((text) => ({ type: 'paragraph', text })), subjects: [],
    urgency: null, firstCreated: null, versionCreated: null, link: null, photos: [],
  };
  return { item, id, clusterId: id, signature: new Uint32Array(0), status, usedArticleId: null, topics: [], sourceId: null, contentHash: id, receivedAt: NOW };
}

function stateOf(a: NewArticle): ArticleState {
  return {
    id: a.id, slug: a.slug, status: a.status, version: 1, createdBy: a.createdBy ?? null, firstPublishedAt: a.firstPublishedAt, updatedAt: a.updatedAt,
    updateNote: a.updateNote, scheduledAt: null, createdAt: a.createdAt, modifiedAt: a.createdAt, shortCode: a.shortCode, edition: a.edition ?? 'en', translationGroup: null,
    fields: {
      headline: a.headline, highlights: a.highlights, dateline: a.dateline, section: a.section, topics: a.topics, authors: a.authors,
      source: a.source, lead: a.lead, leadMediaId: a.leadMediaId ?? null, body: a.body,
    },
  };
}

interface Data {
  stories: Map<string, ArticleState>;
  items: Map<string, StoredWireItem>;
}

/** Stores over one copy of the data; `failStatus` makes the item's status change (the second write) fail. */
function storesOver(data: Data, failStatus: boolean): WireDeskStores {
  const articles: Partial<ArticleStore> = {
    insert: async (a) => { data.stories.set(a.id, stateOf(a)); },
    isSlugTaken: async (slug) => [...data.stories.values()].some((s) => s.slug === slug),
    isShortCodeTaken: async () => false,
    findState: async (id) => data.stories.get(id) ?? null,
    findIdBySlug: async (slug) => [...data.stories.values()].find((s) => s.slug === slug)?.id ?? null,
    applyChange: async (c: ArticleChange) => {
      const s = data.stories.get(c.id);
      if (!s || !c.fromStatuses.includes(s.status) || (c.expectedVersion !== null && c.expectedVersion !== s.version)) {
        return { ok: false, current: s ? { version: s.version, status: s.status } : null };
      }
      data.stories.set(c.id, { ...s, status: c.status, fields: c.fields, updatedAt: c.updatedAt, updateNote: c.updateNote, version: s.version + 1 });
      return { ok: true, version: s.version + 1 };
    },
  };
  return {
    articles: articles as ArticleStore,
    sections: { findBySlug: async (slug) => ({ slug, name: slug === 'world' ? 'World' : 'Business', edition: 'en' }) },
    items: {
      find: async (id) => data.items.get(id) ?? null,
      setStatus: async (id, from, to, usedArticleId) => {
        if (failStatus) throw new Error('disk full');
        const item = data.items.get(id);
        if (!item || !from.includes(item.status)) return false;
        data.items.set(id, { ...item, status: to, usedArticleId });
        return true;
      },
    },
  };
}

function desk(items: StoredWireItem[], stories: ArticleState[] = []) {
  let committed: Data = { stories: new Map(stories.map((s) => [s.id, s])), items: new Map(items.map((i) => [i.id, i])) };
  const failing = { status: false };
  const transaction: WireDeskTransaction = async (work) => {
    const copy = structuredClone(committed);
    const result = await work(storesOver(copy, failing.status));
    committed = copy;
    return result;
  };
  const published: DomainEvent[] = [];
  let n = 0;
  const service = createWireDeskService({
    items: { find: async (id) => committed.items.get(id) ?? null, setStatus: (...args) => storesOver(committed, false).items.setStatus(...args) },
    transaction,
    sections: { list: async () => [{ slug: 'world', name: 'World', position: 0, edition: 'en' }], findBySlug: async (slug) => (slug === 'business' ? { slug, name: 'Business', edition: 'en' } : null) },
    editions: { list: async () => [{ id: 'en', language: 'en', direction: 'ltr', name: 'English', locale: 'en-GB', numberingSystem: 'latn', timeZone: 'UTC', pathPrefix: '', position: 0 }] },
    authors: {
      findByName: async (name) => (name === 'Ann Lee' ? { slug: 'ann-lee-2', name } : null),
      findBySlug: async (slug) => (slug === 'john-smith' ? { slug, name: 'John Smith', bio: null, jobTitle: null, photoId: null, links: [] } : null),
    },
    suggestTopics: async () => ({ ok: true, value: [{ name: 'Geneva', kind: 'place' }] }),
    events: { publish: async (e) => { published.push(e); }, subscribe: () => () => {} },
    ids: { newId: () => `id-${++n}` },
    randomBytes: (size) => new Uint8Array(size).fill(n),
    clock: fixedClock(NOW),
  });
  return { service, failing, published, data: () => committed };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDomainError(error) ? error.code : `thrown: ${(error as Error).message}`;
  }
}

function publishedStory(id: string, body: string[]): ArticleState {
  return stateOf({
    id, slug: 'storm-hits-coast', headline: 'Storm hits coast', highlights: ['Winds of 120 km/h'], dateline: null, body: body.map((text) => ({ type: 'paragraph', text })),
    lead: null, section: { slug: 'world', name: 'World' }, topics: [], authors: [{ slug: 'desk', name: 'Desk' }], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: NOW, updatedAt: NOW, updateNote: null, contentKey: null, shortCode: 'abc', createdAt: NOW, revisionId: 'r1', actor: 'editor-1', createdBy: 'editor-1',
  });
}

describe('wire desk service', () => {
  it('uses an item as a draft in the first section, with the agency as source, and marks the item used by it', async () => {
    const { service, data } = desk([wireItem('w1', ['The council approved the dam.'])]);
    const { storyId } = await service.useItem(staff('contributor'), 'w1');
    const story = data().stories.get(storyId)!;
    expect(story).toMatchObject({ status: 'draft', createdBy: 'contributor-1', fields: { section: { slug: 'world' }, source: { kind: 'agency', wireId: 'urn:test:w1' }, topics: [{ name: 'Geneva' }] } });
    expect(data().items.get('w1')).toMatchObject({ status: 'used', usedArticleId: storyId });
  });

  it('makes a clean draft: the lede\'s dateline only in the dateline field, the byline\'s people as authors, the agency credited', async () => {
    const ap = wireItem('w1', ['GROSSETO, Italy (AP) -- Rescuers searched the coast on Saturday.', 'GROSSETO, Italy (AP) -- stays in later paragraphs.']);
    ap.item = { ...ap.item, agency: null, dateline: 'GROSSETTO, ITALY', byline: "By FRANCES D'EMILIO and Ann Lee Associated Press" };
    const spa = wireItem('w2', ['الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة.']);
    spa.item = { ...spa.item, agency: 'SPA', dateline: null, byline: 'بقلم محمد علي' };
    const { service, data } = desk([ap, spa]);
    const { storyId } = await service.useItem(staff('reporter'), 'w1');
    const story = data().stories.get(storyId)!.fields;
    expect(story.dateline).toBe('GROSSETTO, ITALY');
    expect(story.body.map((b) => ('text' in b ? b.text : ''))).toEqual(['Rescuers searched the coast on Saturday.', 'GROSSETO, Italy (AP) -- stays in later paragraphs.']);
    // No agency field: the one the dateline names is credited, never "Agency".
    expect(story.source).toEqual({ kind: 'agency', agency: 'AP', wireId: 'urn:test:w1' });
    // "Ann Lee" exists already under another slug: reused; the other is new, a byline-only author.
    expect(story.authors).toEqual([{ slug: 'frances-demilio', name: "Frances D'Emilio" }, { slug: 'ann-lee-2', name: 'Ann Lee' }]);
    const arabicId = (await service.useItem(staff('reporter'), 'w2')).storyId;
    const arabic = data().stories.get(arabicId)!.fields;
    expect([arabic.dateline, arabic.body[0], arabic.authors.map((a) => a.name), arabic.source]).toEqual([
      'الرياض', { type: 'paragraph', text: 'أعلنت الوزارة اليوم عن خطة جديدة.' }, ['محمد علي'], { kind: 'agency', agency: 'SPA', wireId: 'urn:test:w2' },
    ]);
  });

  it('credits a byline to an existing author only when the names match as names, never by a clashing slug', async () => {
    const items = ['w1', 'w2', 'w3'].map((id) => wireItem(id, ['Text.']));
    items[0]!.item = { ...items[0]!.item, byline: 'By John Smíth' };
    items[1]!.item = { ...items[1]!.item, byline: 'By john  SMITH' };
    items[2]!.item = { ...items[2]!.item, byline: 'By 🦊🦊' };
    const { service, data } = desk(items);
    const authorsOf = async (id: string) => {
      const { storyId } = await service.useItem(staff('reporter'), id);
      return data().stories.get(storyId)!.fields.authors;
    };
    // "John Smíth" makes the slug of the staff's "John Smith" but is another name: a new author, a slug of its own.
    expect(await authorsOf('w1')).toEqual([{ slug: 'john-smith-2', name: 'John Smíth' }]);
    expect(await authorsOf('w2')).toEqual([{ slug: 'john-smith', name: 'John Smith' }]);
    expect((await authorsOf('w3')).map((a) => a.slug)).not.toContain('staff');
  });

  it('puts the draft in the section asked for, and refuses one that does not exist', async () => {
    const { service, data } = desk([wireItem('w1', ['Text.']), wireItem('w2', ['Text.'])]);
    const { storyId } = await service.useItem(staff('reporter'), 'w1', { section: 'business' });
    expect(data().stories.get(storyId)?.fields.section).toEqual({ slug: 'business', name: 'Business' });
    expect(await codeOf(service.useItem(staff('reporter'), 'w2', { section: 'nowhere' }))).toBe('SECTION_NOT_FOUND');
  });

  it('leaves nothing half-done when marking the item fails: no story, the item still new', async () => {
    const { service, failing, data } = desk([wireItem('w1', ['Text.'])]);
    failing.status = true;
    expect(await codeOf(service.useItem(staff('editor'), 'w1'))).toBe('thrown: disk full');
    expect(data().stories.size).toBe(0);
    expect(data().items.get('w1')).toMatchObject({ status: 'new', usedArticleId: null });
  });

  it('adds the new paragraphs to a published story as a public update, announced only once it has committed', async () => {
    const story = publishedStory('s1', ['A storm hit the coast.']);
    const { service, failing, published, data } = desk([wireItem('w1', ['A storm hit the coast.', 'Two are missing.'])], [story]);
    failing.status = true;
    expect(await codeOf(service.addToStory(staff('editor'), 'w1', 'storm-hits-coast'))).toBe('thrown: disk full');
    expect(published).toEqual([]);
    expect(data().stories.get('s1')?.version).toBe(1);
    failing.status = false;
    expect(await service.addToStory(staff('editor'), 'w1', 'storm-hits-coast')).toEqual({ storyId: 's1', action: 'update' });
    expect(data().stories.get('s1')).toMatchObject({ version: 2, updateNote: 'Updated with reporting from Test Agency.' });
    expect(data().stories.get('s1')?.fields.body).toHaveLength(2);
    expect(data().items.get('w1')).toMatchObject({ status: 'used', usedArticleId: 's1' });
    expect(published).toEqual([expect.objectContaining({ type: 'story.updated', articleId: 's1' })]);
  });

  it('refuses by role before it reads, then by status, with stable codes', async () => {
    const { service, data } = desk([wireItem('w1', ['Text.']), wireItem('w2', ['Text.'], 'used'), wireItem('w3', ['Text.'], 'spiked')], [publishedStory('s1', ['Other.'])]);
    expect(await codeOf(service.spikeItem(staff('reporter'), 'missing'))).toBe('PERMISSION_DENIED');
    expect(await codeOf(service.useItem(staff('editor'), 'missing'))).toBe('WIRE_ITEM_NOT_FOUND');
    expect(await codeOf(service.useItem(staff('editor'), 'w2'))).toBe('WIRE_ITEM_STATUS_CONFLICT');
    expect(await codeOf(service.addToStory(staff('editor'), 'w3', 's1'))).toBe('WIRE_ITEM_STATUS_CONFLICT');
    expect(await codeOf(service.addToStory(staff('editor'), 'w1', 'no-such-story'))).toBe('ARTICLE_NOT_FOUND');
    // A reporter may add copy, but the story's own rules keep them off someone else's published story.
    expect(await codeOf(service.addToStory(staff('reporter'), 'w1', 's1'))).toBe('WORKFLOW_TRANSITION_FORBIDDEN');
    expect(data().items.get('w1')?.status).toBe('new');
  });

  it('answers a story the actor may not read as one that does not exist, even when it already has the paragraphs', async () => {
    const draft = { ...publishedStory('s2', ['Text.']), slug: 'embargoed-draft', status: 'draft' as const };
    const { service, data } = desk([wireItem('w1', ['Text.'])], [draft]);
    for (const role of ['contributor', 'reporter'] as const) {
      expect(await codeOf(service.addToStory(staff(role), 'w1', 's2'))).toBe('ARTICLE_NOT_FOUND');
      expect(await codeOf(service.addToStory(staff(role), 'w1', 'embargoed-draft'))).toBe('ARTICLE_NOT_FOUND');
    }
    expect(await codeOf(service.addToStory(staff('editor'), 'w1', 's2'))).toBe('VALIDATION_FAILED');
    expect(data().items.get('w1')?.status).toBe('new');
  });

  it('spikes a new item and brings it back; a second spike is a conflict', async () => {
    const { service, data } = desk([wireItem('w1', ['Text.'])]);
    await service.spikeItem(staff('editor'), 'w1');
    expect(data().items.get('w1')?.status).toBe('spiked');
    expect(await codeOf(service.spikeItem(staff('admin'), 'w1'))).toBe('WIRE_ITEM_STATUS_CONFLICT');
    await service.restoreItem(staff('admin'), 'w1');
    expect(data().items.get('w1')?.status).toBe('new');
  });
});
