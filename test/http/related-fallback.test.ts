/** An article whose topics no other story shares still has a sidebar: the latest stories of its own section (and edition). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import { addStaff } from '../support/newsroom-session.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

describe('related stories', () => {
  let site: TestSite;
  let editor: StaffUser;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, arabic: true });
    editor = (await addStaff(site, 'editor')).user;
  });
  afterAll(() => site.close());

  async function publish(headline: string, topic: string): Promise<string> {
    const newsroom = site.newsroom!.newsroom;
    const { id } = await newsroom.createArticle(editor, {
      section: { slug: 'world', name: 'World' }, headline, highlights: ['A point'], dateline: 'LIMA',
      body: [{ type: 'paragraph', text: 'Text — نص — 文字.' }], topics: [{ slug: topic, name: topic, kind: 'subject' }],
    });
    const state = (await site.storage.articles.findState(id))!;
    await newsroom.act(editor, id, { action: 'publish', fields: state.fields, note: null, scheduledAt: null, autosave: false, expectedVersion: state.version });
    return (await site.storage.articles.findState(id))!.slug;
  }

  it('fall back to the latest of the same section when no topic matches, never the story itself nor another edition’s', async () => {
    const slug = await publish('Andean condor count rises — 秃鹫', 'condor-census-2026');
    const found = await site.deps.reader.story(slug);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    const world = (await site.storage.articles.listPublished({ limit: 10, sectionSlug: 'world', edition: 'en' })).items.filter((s) => s.slug !== slug);
    expect(found.related.map((s) => s.slug)).toEqual(world.slice(0, 5).map((s) => s.slug));
    expect(found.related.every((s) => s.edition.id === 'en' && s.section.slug === 'world')).toBe(true);
    const page = await site.app.inject({ method: 'GET', url: `/article/${encodeURIComponent(slug)}` });
    expect(page.body).toContain('<h2 id="related-h">Related stories</h2>');
  });

  it('keep stories sharing a topic first, when there are any', async () => {
    const first = await publish('Condor chicks hatch in Colca canyon', 'colca-condors');
    const second = await publish('Colca condors tagged with trackers', 'colca-condors');
    const found = await site.deps.reader.story(second);
    expect(found.kind === 'found' && found.related.map((s) => s.slug)).toEqual([first]);
  });
});
