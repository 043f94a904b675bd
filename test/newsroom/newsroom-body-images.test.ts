/** @module Body images in the newsroom: only http(s) and /media/ addresses are saved; a refused one names its block and the form comes back as typed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { act, createArticle, storyForm } from './edition-test-support.js';

const ALT = 'ولي العهد في سيول 首尔会谈 📷';
const image = (url: string) => ({ type: 'image', mediaId: null, url, caption: 'زيارة رسمية', credit: 'وكالة الأنباء', alt: ALT, width: 640, height: 480 });
const body = (url: string) => JSON.stringify([{ type: 'paragraph', text: 'The visit began on Monday.' }, image(url)]);

describe('newsroom body images', () => {
  let site: TestSite;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  it('saves http(s) and /media/ images with Arabic and CJK alt text', async () => {
    const id = await createArticle(editor, 'Images that are fine', 'world');
    const fine = JSON.stringify([image('https://images.example.com/seoul.jpg'), image('/media/3f/3f2a-640.webp')]);
    await act(site, editor, id, 'save', storyForm({ body: fine }));
    const stored = (await site.storage.articles.findState(id))!.fields.body;
    expect(stored).toEqual([image('https://images.example.com/seoul.jpg'), image('/media/3f/3f2a-640.webp')]);
  });

  it.each(['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x.png', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)'])(
    'refuses %j, names the block, stores nothing and gives the form back as typed',
    async (url) => {
      const id = await createArticle(editor, 'Before the bad image', 'world');
      const before = (await site.storage.articles.findState(id))!;
      const headline = 'عنوان كما كُتب 标题 as typed';
      const res = await editor.post(`/newsroom/stories/${id}`, { ...storyForm({ headline, body: body(url) }), version: String(before.version), action: 'save' });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.body).toContain('block 2 (image) of the story body: an image address must be an absolute http(s) URL or a /media/ path of this site');
      expect(res.body).toContain(`value="${headline}"`);
      // The typed body, bad image included, is back in the editor's textarea (escaped), so nothing typed is lost.
      expect(res.body).toContain('The visit began on Monday.');
      expect(res.body).toContain(ALT);
      expect(res.body).not.toMatch(/<img[^>]+src="(?:java|vb|data|\/\/)/i);
      const after = (await site.storage.articles.findState(id))!;
      expect(after.version).toBe(before.version);
      expect(after.fields.headline).toBe('Before the bad image');
    },
  );

  it('answers an autosave with the refused block as a JSON validation error', async () => {
    const id = await createArticle(editor, 'Autosave with a bad image', 'world');
    const version = String((await site.storage.articles.findState(id))!.version);
    const res = await editor.post(`/newsroom/stories/${id}/autosave`, { ...storyForm({ body: body('javascript:alert(1)') }), version }, { accept: 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.1.url', message: expect.stringMatching(/^block 2 \(image\) of the story body: an image address must be/) }] } },
    });
  });
});
