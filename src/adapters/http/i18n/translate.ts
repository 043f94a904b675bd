/** @module Translate: an edition's words, the catalogue's messages formatted in its locale, as text or as escaped markup. */
import { intlLocale, type Edition } from '../../../core/editions/edition.js';
import { html, type HtmlValue, type SafeHtml } from '../html/html.js';
import { catalogueLanguage, messagesOf, type MessageKey } from './message-catalogue.js';

export type TextValues = Readonly<Record<string, string | number | Date>>;

/** Wraps the text between a message's `<tag>` and `</tag>` (already escaped) in markup. */
export type TagMarkup = (inner: SafeHtml) => SafeHtml;

/** Values of a markup message: text (escaped), numbers and dates (formatted in the locale), SafeHtml as is, markup per tag. */
export type HtmlValues = Readonly<Record<string, HtmlValue | Date | TagMarkup>>;

export interface Translate {
  /** A message as plain text (titles, attributes, feeds). */
  (key: MessageKey, values?: TextValues): string;
  /** A message as markup: its words and every text value escaped, SafeHtml values and tag markup kept. */
  html(key: MessageKey, values?: HtmlValues): SafeHtml;
  /** Items joined as the language lists them: "A, B and C", "A وB وC". */
  list(items: readonly SafeHtml[]): SafeHtml;
  /** The catalogue language the words are in (en, ar): the edition's, or the fallback when it has none. */
  readonly language: string;
  /** The Intl locale numbers, plurals and lists are formatted in (with the edition's digits). */
  readonly locale: string;
}

/** Tags any message may use without the template supplying them. */
const STANDARD_TAGS: Readonly<Record<string, TagMarkup>> = {
  strong: (inner) => html`<strong>${inner}</strong>`,
  code: (inner) => html`<code>${inner}</code>`,
};
const PLAIN_TAGS: Readonly<Record<string, (chunks: unknown[]) => string>> = {
  strong: (chunks) => chunks.join(''),
  code: (chunks) => chunks.join(''),
};

function createTranslate(language: string, locale: string): Translate {
  const message = messagesOf(language, locale);
  // Messages without arguments are the same markup on every page: escaped once.
  const fixedMarkup = new Map<MessageKey, SafeHtml>();
  const text = (key: MessageKey, values?: TextValues): string => {
    const compiled = message(key);
    return typeof compiled === 'string' ? compiled : String(compiled.format({ ...PLAIN_TAGS, ...values }));
  };
  const markup = (key: MessageKey, values?: HtmlValues): SafeHtml => {
    const compiled = message(key);
    if (typeof compiled === 'string') {
      let fixed = fixedMarkup.get(key);
      if (!fixed) fixedMarkup.set(key, (fixed = html`${compiled}`));
      return fixed;
    }
    const args: Record<string, unknown> = {};
    for (const [name, value] of Object.entries({ ...STANDARD_TAGS, ...values })) {
      args[name] = typeof value === 'function'
        ? (chunks: (string | SafeHtml)[]) => value(html`${chunks}`)
        : Array.isArray(value) ? html`${value as HtmlValue[]}` : value;
    }
    // Literal words and string values come back as strings, which the html tag escapes.
    return html`${compiled.format<SafeHtml>(args as Parameters<typeof compiled.format<SafeHtml>>[0])}`;
  };
  return Object.assign(text, { html: markup, list: listing(locale), language, locale });
}

/**
 * Lists in the locale's pattern. The pattern of n items is the same for any items, so it is worked out
 * once per length with placeholders, and the items (already markup) are put in its place.
 */
function listing(locale: string): (items: readonly SafeHtml[]) => SafeHtml {
  let format: Intl.ListFormat | null = null;
  const patterns = new Map<number, (string | number)[]>();
  return (items) => {
    let pattern = patterns.get(items.length);
    if (!pattern) {
      format ??= new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
      pattern = format.formatToParts(items.map((_, i) => String(i))).map((part) => (part.type === 'element' ? Number(part.value) : part.value));
      patterns.set(items.length, pattern);
    }
    return html`${pattern.map((part) => (typeof part === 'number' ? items[part] : part))}`;
  };
}

/** Translators by language and locale: an edition's is built on its first page and kept (a pure memo). */
const translators = new Map<string, Translate>();

/** The words of an edition: its language's catalogue, formatted in its locale with its digits. */
export function translatorFor(edition: Pick<Edition, 'language' | 'locale' | 'numberingSystem'>): Translate {
  const language = catalogueLanguage(edition.language);
  const sameLanguage = language === edition.language.toLowerCase().split('-')[0];
  const locale = sameLanguage ? intlLocale(edition) : `${language}-u-nu-${edition.numberingSystem}`;
  const id = `${language}|${locale}`;
  let translate = translators.get(id);
  if (!translate) {
    translate = createTranslate(language, locale);
    translators.set(id, translate);
  }
  return translate;
}
