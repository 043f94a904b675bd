import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, FALLBACK_LANGUAGE, catalogueLanguage, compiledMessage, type MessageKey } from './message-catalogue.js';

/** A parsed message element as the ICU parser gives it (types: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 7 #, 8 tag). */
type Element = { type: number; value?: string; children?: Element[]; options?: Record<string, { value: Element[] }> };

const PLURAL = 6;
const TAG = 8;
const ARABIC_PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

function parse(message: string, locale: string): Element[] {
  return new IntlMessageFormat(message, locale).getAst() as unknown as Element[];
}

/** Every argument name (and `<tag>` name, marked) a message uses, however deeply nested. */
function namesIn(elements: Element[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TAG) found.add(`<${el.value}>`);
    else if (typeof el.value === 'string' && el.type !== 0) found.add(el.value);
    if (el.children) namesIn(el.children, found);
    for (const option of Object.values(el.options ?? {})) namesIn(option.value, found);
  }
  return found;
}

function pluralsIn(elements: Element[], found: Element[] = []): Element[] {
  for (const el of elements) {
    if (el.type === PLURAL) found.push(el);
    if (el.children) pluralsIn(el.children, found);
    for (const option of Object.values(el.options ?? {})) pluralsIn(option.value, found);
  }
  return found;
}

const english = CATALOGUES[FALLBACK_LANGUAGE]!;
const keys = Object.keys(english) as MessageKey[];
const languages = Object.keys(CATALOGUES);

describe('the message catalogue', () => {
  it('has English and Arabic, and a key count worth noticing when it changes', () => {
    expect(languages).toEqual(['en', 'ar']);
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each(languages)('%s has every key, and no other', (language) => {
    expect(Object.keys(CATALOGUES[language]!).sort()).toEqual([...keys].sort());
  });

  it.each(languages)('%s: every message is valid ICU MessageFormat and not empty', (language) => {
    for (const key of keys) {
      const message = CATALOGUES[language]![key];
      expect(message.trim(), `${language} ${key}`).not.toBe('');
      expect(() => parse(message, language), `${language} ${key}`).not.toThrow();
    }
  });

  it('finds arguments and tags at any depth (so the comparison below cannot pass by finding nothing)', () => {
    expect([...namesIn(parse('{a, plural, one {<b>x</b> {c}} other {# {d, number}}}', 'en'))].sort()).toEqual(['<b>', 'a', 'c', 'd']);
  });

  it('every language uses the same arguments and tags as English in each message', () => {
    for (const language of languages) {
      for (const key of keys) {
        const theirs = namesIn(parse(CATALOGUES[language]![key], language));
        expect([...theirs].sort(), `${language} ${key}`).toEqual([...namesIn(parse(english[key], 'en'))].sort());
      }
    }
  });

  it('Arabic plurals spell out all six forms', () => {
    for (const key of keys) {
      for (const plural of pluralsIn(parse(CATALOGUES['ar']![key], 'ar'))) {
        expect(Object.keys(plural.options ?? {}).sort(), key).toEqual([...ARABIC_PLURAL_FORMS].sort());
      }
    }
  });

  it('picks a catalogue by primary language, English for a language without one', () => {
    expect(catalogueLanguage('ar')).toBe('ar');
    expect(catalogueLanguage('ar-EG')).toBe('ar');
    expect(catalogueLanguage('EN-gb')).toBe('en');
    expect(catalogueLanguage('fr')).toBe('en');
    expect(catalogueLanguage('constructor')).toBe('en');
  });

  it('compiles each message once per locale; a message without arguments is kept as its text', () => {
    const first = compiledMessage('ar', 'ar-SA-u-nu-arab', 'live.newStories');
    expect(compiledMessage('ar', 'ar-SA-u-nu-arab', 'live.newStories')).toBe(first);
    expect(compiledMessage('ar', 'ar-SA-u-nu-latn', 'live.newStories')).not.toBe(first);
    expect(compiledMessage('en', 'en-GB-u-nu-latn', 'page.skipLink')).toBe('Skip to content');
  });
});
