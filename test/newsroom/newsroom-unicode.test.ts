/** Text in any script, with emoji and bidi controls, through every newsroom field: stored as typed (NFC, control characters gone), shown escaped, never a 5xx. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { act, addArabicEdition, addSection, createArticle, storyForm } from './edition-test-support.js';

/** Cyrillic, a family emoji (ZWJ), RLO…PDF, RLI…PDI around Arabic, RLM, and markup that must stay text. No commas: lists split on them. */
const TEXT = 'Зеленский 👩‍👩‍👧‍👦 \u202eRLO\u202c \u2067عربي\u2069\u200f <b>&amp;</b>';
const ESCAPED = 'Зеленский 👩‍👩‍👧‍👦 \u202eRLO\u202c \u2067عربي\u2069\u200f &lt;b&gt;&amp;amp;&lt;/b&gt;';

function fine(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, what).not.toContain('<b>&amp;</b>');
}

describe('any text in the newsroom', () => {
  let site: TestSite;
  let editor: StaffSession;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    editor = await staffSession(site, 'editor');
    admin = await staffSession(site, 'admin');
  });
  afterAll(() => site.close());

  const everyField = (section = 'world') => storyForm({
    headline: TEXT, highlights: `${TEXT}\n${TEXT} 2`, dateline: TEXT, section, topics: TEXT, authors: TEXT,
    source_kind: 'agency', source_agency: TEXT, source_wire_id: TEXT, lead_caption: TEXT, lead_credit: TEXT, lead_alt: TEXT,
    body: JSON.stringify([{ type: 'paragraph', text: TEXT }, { type: 'quote', text: TEXT, cite: TEXT }]),
  });

  it('saves every story field as typed and shows it escaped in the editor, lists and preview', async () => {
    const id = await createArticle(editor, TEXT, 'world');
    await act(site, editor, id, 'save', everyField());
    const f = (await site.storage.articles.findState(id))!.fields;
    expect(f).toMatchObject({
      headline: TEXT, highlights: [TEXT, `${TEXT} 2`], dateline: TEXT.toUpperCase(), topics: [{ name: TEXT }], authors: [{ name: TEXT }],
      source: { kind: 'agency', agency: TEXT, wireId: TEXT }, lead: { url: null, caption: TEXT, credit: TEXT, alt: TEXT },
      body: [{ type: 'paragraph', text: TEXT }, { type: 'quote', text: TEXT, cite: TEXT }],
    });
    const page = await editor.get(`/newsroom/stories/${id}/edit`);
    fine(page, 'editor');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${ESCAPED}"`);
    expect(page.body).toContain(`>${ESCAPED}\n${ESCAPED} 2</textarea>`);
    for (const url of [`/newsroom/stories/${id}/preview`, `/newsroom/stories/${id}/revisions`, '/newsroom', '/newsroom/stories', `/newsroom/stories?q=${encodeURIComponent(TEXT)}`]) {
      const res = await editor.get(url);
      fine(res, url);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await editor.get(`/newsroom/stories?q=${encodeURIComponent('Зеленский')}`)).body).toContain(`dir="auto" lang="en">${ESCAPED}</a>`);
  });

  it('drops control characters and composes to NFC where text enters', async () => {
    const id = await createArticle(editor, 'Bad\u0001 head\u0000line', 'world');
    expect((await site.storage.articles.findState(id))!.fields.headline).toBe('Bad headline');
    await act(site, editor, id, 'save', storyForm({ headline: 'Cafe\u0301\u0001 \u0007opens', highlights: 'one\u0008 point', dateline: 'pari\u0301s' }));
    const f = (await site.storage.articles.findState(id))!.fields;
    expect(f.headline).toBe('Café opens');
    expect(f.highlights).toEqual(['one point']);
    expect(f.dateline).toBe('PARÍS');
  });

  it('keeps notes, section and edition names, and translation addresses as typed, with no 5xx', async () => {
    const id = await createArticle(editor, 'A story with a note', 'world');
    await act(site, editor, id, 'publish', storyForm({ headline: 'A story with a note' }));
    await act(site, editor, id, 'update', storyForm({ headline: 'A story with a note', note: TEXT }));
    expect((await site.storage.articles.findState(id))!.updateNote).toBe(TEXT);
    fine(await editor.get(`/newsroom/stories/${id}/revisions`), 'revisions');

    await addArabicEdition(admin);
    const slug = await addSection(site, admin, `${TEXT}`.slice(0, 40), 'ar');
    expect((await site.storage.sections.findBySlug(slug))!.name).toBe(TEXT.slice(0, 40));
    fine(await admin.get('/newsroom/sections'), 'sections');
    const edition = await admin.post('/newsroom/editions/ar', { language: 'ar', name: TEXT.slice(0, 40), locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'UTC', direction: '' });
    fine(edition, 'edition');
    expect(site.deps.editions.byId('ar')!.name).toBe(TEXT.slice(0, 40));
    fine(await editor.get(`/newsroom/stories/${id}/edit`), 'editor with an edition named in any script');

    const link = await editor.post(`/newsroom/stories/${id}/translations`, { address: TEXT });
    fine(link, 'translation address');
    expect(link.statusCode).toBe(400);
    expect(link.body).toContain(`value="${ESCAPED}"`);
  });

  it('keeps a photo\'s caption, credit and alt text as typed', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#345' } }).jpeg().toBuffer();
    const boundary = '----dateline-unicode';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(field('_csrf', editor.csrf) + field('caption', `${TEXT}\u0001`) + field('credit', TEXT) + field('alt', TEXT)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), jpeg, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { cookie: editor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' }, payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ caption: TEXT, credit: TEXT, alt: TEXT });
    const library = await editor.get('/newsroom/media');
    fine(library, 'media library');
    expect(library.body).toContain(`alt="${ESCAPED}"`);
  });
});
