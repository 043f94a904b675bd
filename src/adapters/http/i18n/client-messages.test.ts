import { describe, expect, it } from 'vitest';
import { clientMessageData, clientMessages, pluralForms } from './client-message-data.js';
import { countText, fillIn } from './client-messages.js';
import { translatorFor } from './translate.js';

const en = translatorFor({ language: 'en', locale: 'en-GB', numberingSystem: 'latn' });
const ar = translatorFor({ language: 'ar', locale: 'ar-SA', numberingSystem: 'arab' });

describe('the browser words', () => {
  it('carry every plural form, which the browser picks as the server would', () => {
    const forms = pluralForms(ar, 'live.newStories');
    expect(Object.keys(forms).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    for (const count of [0, 1, 2, 3, 11, 100, 1000]) expect(countText(forms, count, ar.locale)).toBe(ar('live.newStories', { count }));
    for (const count of [1, 2, 21]) expect(countText(pluralForms(en, 'live.newStories'), count, en.locale)).toBe(en('live.newStories', { count }));
  });

  it('leave slots the browser fills in once', () => {
    const messages = clientMessages(ar);
    expect(fillIn(messages.updated, { story: fillIn(messages.namedStory, { headline: 'عنوان {story}' }) })).toBe('حُدِّثت «عنوان {story}»');
    expect(fillIn(clientMessages(en).pageTitle, { title: 'Harbour bridge reopens', site: 'Dateline' })).toBe('Harbour bridge reopens | Dateline');
    expect(fillIn(messages.unavailable, { story: messages.thisStory })).toBe('لم تعد هذه القصة متاحة');
  });

  it('are serialised and escaped for an attribute once per translator, as JSON', () => {
    const escaped = clientMessageData(en);
    expect(clientMessageData(en)).toBe(escaped);
    const json = escaped.toString().replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(json)).toMatchObject({ copied: 'Link copied', follow: 'Follow', following: 'Following', show: 'Show' });
  });

  it('refuse a plural the browser could not pick from', () => {
    expect(() => pluralForms(en, 'search.count')).toThrow(/one plural/);
  });
});
