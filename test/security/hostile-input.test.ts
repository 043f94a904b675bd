import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, fixtureText, type TestSite } from '../support/test-site.js';

const HOSTILE_HEADLINE = `Hostile </script><script>alert("h")</script> <img src=x onerror=alert(1)> & "quotes"`;
const HOSTILE_HIGHLIGHT = `<a href="javascript:alert(2)">click</a> ]]> </title>`;
const HOSTILE_CAPTION = `Caption <svg onload=alert(3)> "x" onerror='y'`;
const HOSTILE_CREDIT = `<b>Evil</b>/AFP`;
const HOSTILE_PARAGRAPH = `Body <iframe src="javascript:alert(4)"></iframe> and <script>alert(5)</script> \u2028 end.`;

/** The first fixture story with every field replaced by hostile text. */
function hostileCapture(): string {
  const text = fixtureText();
  const headline = 'Russia and North Korea sign partnership deal that appears to be the strongest since Cold War';
  return text
    .split(headline).join(HOSTILE_HEADLINE)
    .replace(/North Korean leader Kim Jong Un, center right,[^\n]*\(Sputnik\/AFP\)/, `${HOSTILE_CAPTION} (${HOSTILE_CREDIT})`)
    .replace('• North Korean state media described the meeting between the leaders as a historic event', `• ${HOSTILE_HIGHLIGHT}`)
    .replace('It could mark the strongest connection between Moscow and Pyongyang since the Soviet Union collapsed in 1991.', HOSTILE_PARAGRAPH);
}

let site: TestSite;
let slug: string;
beforeAll(async () => {
  site = await createTestSite({ withFixture: false });
  const summary = await site.importText(hostileCapture());
  expect(summary.imported).toBe(6);
  slug = (await site.storage.db.selectFrom('articles').select('slug').where('headline', '=', HOSTILE_HEADLINE).executeTakeFirstOrThrow()).slug;
});
afterAll(async () => {
  await site.close();
});

function assertNoInjectedMarkup(body: string): void {
  expect(body).not.toMatch(/<script>alert/);
  expect(body).not.toMatch(/<img src=x/);
  expect(body).not.toMatch(/<svg onload/);
  expect(body).not.toMatch(/<iframe/);
  expect(body).not.toMatch(/<b>Evil/);
  expect(body).not.toMatch(/href="javascript:/i);
  expect(body).not.toMatch(/<a href="javascript/);
  // Every <script> element on the page is the site's own: the bundle or the JSON-LD block.
  for (const tag of body.match(/<script[^>]*>/g) ?? []) {
    expect(tag).toMatch(/^<script (src="\/assets\/site\.[\w-]+\.js" defer|type="application\/ld\+json")>$/);
  }
}

describe('hostile text in every field of an imported story', () => {
  it('is stored verbatim', async () => {
    const article = await site.storage.articles.findPublishedBySlug(slug);
    expect(article?.headline).toBe(HOSTILE_HEADLINE);
    expect(article?.highlights).toContain(HOSTILE_HIGHLIGHT);
    expect(article?.lead?.caption).toBe(HOSTILE_CAPTION);
    expect(article?.lead?.credit).toBe(HOSTILE_CREDIT);
  });

  it('is escaped on the article page, in attributes, meta tags and the title', async () => {
    const res = await site.app.inject({ url: `/article/${slug}` });
    expect(res.statusCode).toBe(200);
    assertNoInjectedMarkup(res.body);
    expect(res.body).toContain('Hostile &lt;/script&gt;&lt;script&gt;alert(&quot;h&quot;)&lt;/script&gt;');
    expect(res.body).toContain(`data-title="Hostile &lt;/script&gt;`);
    expect(res.body).toContain('&lt;b&gt;Evil&lt;/b&gt;/AFP');
  });

  it('cannot break out of the JSON-LD block, which still holds the exact headline', async () => {
    const res = await site.app.inject({ url: `/article/${slug}` });
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)?.[1];
    expect(json).toBeTruthy();
    expect(json).not.toContain('</');
    const data = JSON.parse(json!) as { headline: string; '@type': string };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(HOSTILE_HEADLINE);
  });

  it('is escaped on home, section, search, fragment and following pages', async () => {
    const topics = (await site.storage.articles.findPublishedBySlug(slug))!.topics.map((t) => t.slug).join(',');
    for (const url of ['/', '/section/world', '/latest', '/search?q=hostile', `/fragment/article/${slug}`, `/following/stories?topics=${topics}`]) {
      const res = await site.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      assertNoInjectedMarkup(res.body);
    }
    const search = await site.app.inject({ url: '/search?q=hostile' });
    expect(search.body).toContain('<mark>Hostile</mark>');
  });

  it('reflects hostile search queries and paths only as text', async () => {
    const query = encodeURIComponent('"><script>alert(9)</script>');
    const search = await site.app.inject({ url: `/search?q=${query}` });
    assertNoInjectedMarkup(search.body);
    expect(search.body).toContain('&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;');
    const missing = await site.app.inject({ url: `/nothing/%3Cscript%3Ealert(1)%3C%2Fscript%3E` });
    expect(missing.statusCode).toBe(404);
    assertNoInjectedMarkup(missing.body);
  });
});
