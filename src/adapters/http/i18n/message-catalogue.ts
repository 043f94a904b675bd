/** @module The message catalogue: every language's ICU messages, each compiled once per locale on first use. */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { AR_MESSAGES } from './messages-ar.js';
import { EN_MESSAGES, type MessageKey } from './messages-en.js';

export type { MessageKey } from './messages-en.js';

/** Every language the reader site speaks, by primary language subtag. */
export const CATALOGUES: Readonly<Record<string, Readonly<Record<MessageKey, string>>>> = { en: EN_MESSAGES, ar: AR_MESSAGES };

/** The words an edition in a language without a catalogue gets (its dates and numbers still follow its locale). */
export const FALLBACK_LANGUAGE = 'en';

/** The catalogue for a BCP 47 language: its primary subtag's, else the fallback. */
export function catalogueLanguage(language: string): string {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(CATALOGUES, primary) ? primary : FALLBACK_LANGUAGE;
}

/** A message ready to format: the text itself when it has no arguments, else its parsed form. */
export type CompiledMessage = string | IntlMessageFormat;

/**
 * Parsed messages by locale and key. Parsing costs tens of microseconds, formatting one; a page uses
 * a few dozen messages, so each is parsed the first time a page needs it and never again (a pure memo).
 */
const compiledMessages = new Map<string, Map<MessageKey, CompiledMessage>>();

function messagesIn(language: string, locale: string): Map<MessageKey, CompiledMessage> {
  const id = `${language}|${locale}`;
  let ofLocale = compiledMessages.get(id);
  if (!ofLocale) compiledMessages.set(id, (ofLocale = new Map()));
  return ofLocale;
}

export function compiledMessage(language: string, locale: string, key: MessageKey): CompiledMessage {
  const ofLocale = messagesIn(language, locale);
  let compiled = ofLocale.get(key);
  if (compiled === undefined) {
    const source = (CATALOGUES[language] ?? EN_MESSAGES)[key];
    const format = new IntlMessageFormat(source, locale, undefined, { formatters: FORMATTERS });
    const ast = format.getAst();
    compiled = ast.every((el) => el.type === 0) ? ast.map((el) => ('value' in el ? String(el.value) : '')).join('') : format;
    ofLocale.set(key, compiled);
  }
  return compiled;
}

/** The compiled messages of one language in one locale: a translator holds it, so a lookup is one map read. */
export function messagesOf(language: string, locale: string): (key: MessageKey) => CompiledMessage {
  const ofLocale = messagesIn(language, locale);
  return (key) => ofLocale.get(key) ?? compiledMessage(language, locale, key);
}

/** One Intl formatter per locale and options for every message (the library would build one set per message). */
function memoised<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) {
      value = make(...args);
      made.set(key, value);
    }
    return value;
  };
}

const FORMATTERS: Formatters = {
  getNumberFormat: memoised((locales, options) => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)),
  getDateTimeFormat: memoised((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: memoised((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};
