import { describe, expect, it } from 'vitest';
import { html } from '../html/html.js';
import { translatorFor } from './translate.js';

const en = translatorFor({ language: 'en', locale: 'en-GB', numberingSystem: 'latn' });
const ar = translatorFor({ language: 'ar', locale: 'ar-SA', numberingSystem: 'latn' });
const arDigits = translatorFor({ language: 'ar', locale: 'ar-SA', numberingSystem: 'arab' });

describe('Arabic plural forms', () => {
  it.each([
    [0, 'لا قصص جديدة'],
    [1, 'قصة جديدة واحدة'],
    [2, 'قصتان جديدتان'],
    [3, '3 قصص جديدة'],
    [11, '11 قصة جديدة'],
    [100, '100 قصة جديدة'],
  ])('%i new stories', (count, text) => {
    expect(ar('live.newStories', { count })).toBe(text);
  });

  it('writes the number in the edition digits', () => {
    expect(arDigits('live.newStories', { count: 3 })).toBe('٣ قصص جديدة');
    expect(arDigits('live.newStories', { count: 1000 })).toBe('١٬٠٠٠ قصة جديدة');
    expect(arDigits('search.pageOf', { page: 2, count: 12 })).toBe('الصفحة ٢ من ١٢');
  });

  it('English says one and other', () => {
    expect(en('live.newStories', { count: 1 })).toBe('1 new story');
    expect(en('live.newStories', { count: 2 })).toBe('2 new stories');
  });
});

describe('markup messages', () => {
  it('escape the words and every text value, keep SafeHtml and tag markup', () => {
    const out = en.html('search.noMatch', { query: '<script>alert(1)</script>' }).toString();
    expect(out).toBe('No stories match <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>. Try fewer or different words.');
    const link = en.html('notFound.next', { home: (inner) => html`<a href="/">${inner}</a>`, search: (inner) => html`<a href="/search">${inner}</a>` });
    expect(link.toString()).toBe('<a href="/">Go to the front page</a> or <a href="/search">search the stories</a>.');
    expect(en.html('article.readIn', { edition: html`<bdi lang="ar">العربية</bdi>` }).toString()).toBe('Read in <bdi lang="ar">العربية</bdi>');
  });

  it('escape the quotes of a message used in an attribute', () => {
    expect(en.html('search.hint').toString()).toContain('Use &quot;double quotes&quot; for a phrase.');
  });

  it('choose by select and plural in both languages', () => {
    expect(en.html('search.count', { total: 1, query: 'x', order: 'newest' }).toString()).toBe('1 story matches <strong>x</strong>, newest first.');
    expect(ar.html('search.count', { total: 2, query: 'x', order: 'relevance' }).toString()).toBe('قصتان تطابقان <strong>x</strong>، الأكثر تطابقًا أولًا.');
    expect(en('time.event', { event: 'firstPublished', time: '2 sec ago' })).toBe('First published 2 sec ago');
    expect(ar('search.problem', { problem: 'TOO_LONG', max: 200 })).toBe('عبارة البحث طويلة جدًا: استخدم 200 حرف أو أقل.');
  });
});

describe('translators', () => {
  it('list items as the language does', () => {
    const items = [html`<a>A</a>`, html`<a>B</a>`, html`<a>C</a>`];
    expect(en.list(items).toString()).toBe('<a>A</a>, <a>B</a> and <a>C</a>');
    expect(ar.list(items).toString()).toBe('<a>A</a> و<a>B</a> و<a>C</a>');
  });

  it('are made once per edition language and locale', () => {
    expect(translatorFor({ language: 'en', locale: 'en-GB', numberingSystem: 'latn' })).toBe(en);
    expect(arDigits).not.toBe(ar);
  });

  it('give an edition without a catalogue English words in its own digits', () => {
    const fr = translatorFor({ language: 'fr', locale: 'fr-FR', numberingSystem: 'latn' });
    expect(fr.language).toBe('en');
    expect(fr('masthead.home')).toBe('Home');
  });
});
