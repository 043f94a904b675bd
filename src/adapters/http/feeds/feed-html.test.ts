/** @module Unit tests of making the page's markup absolute for feeds. */
import { describe, expect, it } from 'vitest';
import { html } from '../html/html.js';
import { absoluteHttpUrl, withAbsoluteUrls } from './feed-html.js';

const SITE = 'https://news.test';

describe('withAbsoluteUrls', () => {
  it('resolves links, images and srcsets against the site and leaves absolute, mailto and fragment links alone', () => {
    const markup = '<p><a href="/ar/article/%D8%AE">a</a> <a href="https://example.com/?a=1&amp;b=2">b</a> <a href="mailto:desk@news.test">c</a> <a href="#n">d</a></p>'
      + '<picture><source srcset="/media/a-320.webp 320w, /media/a-640.webp 640w"><img src="/media/a-640.jpg" alt=""></picture>';
    expect(withAbsoluteUrls(markup, SITE)).toBe(
      `<p><a href="${SITE}/ar/article/%D8%AE">a</a> <a href="https://example.com/?a=1&amp;b=2">b</a> <a href="mailto:desk@news.test">c</a> <a href="#n">d</a></p>`
      + `<picture><source srcset="${SITE}/media/a-320.webp 320w, ${SITE}/media/a-640.webp 640w"><img src="${SITE}/media/a-640.jpg" alt=""></picture>`,
    );
  });

  it('never touches text that only looks like an attribute, since the page escapes its quotes', () => {
    const markup = html`<p>${' href="/x" src="/y"'}</p>`.toString();
    expect(withAbsoluteUrls(markup, SITE)).toBe(markup);
  });
});

describe('absoluteHttpUrl', () => {
  it('gives site paths the site and refuses what safeUrl refuses', () => {
    expect(absoluteHttpUrl(SITE, '/media/x.jpg')).toBe(`${SITE}/media/x.jpg`);
    expect(absoluteHttpUrl(SITE, 'https://img.test/x.jpg')).toBe('https://img.test/x.jpg');
    for (const bad of ['javascript:alert(1)', '//evil.test/x.jpg', 'data:image/png;base64,xx', 'mailto:a@b.c']) expect(absoluteHttpUrl(SITE, bad), bad).toBeNull();
  });
});
