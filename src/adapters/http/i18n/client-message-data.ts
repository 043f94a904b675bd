/** @module Builds the browser's words for an edition (ClientMessages) from the catalogue, once per translator. */
import { html, type SafeHtml } from '../html/html.js';
import type { ClientMessages } from './client-messages.js';
import { compiledMessage, type MessageKey } from './message-catalogue.js';
import type { Translate } from './translate.js';

type AstElement = { type: number; value?: unknown; options?: Record<string, { value: AstElement[] }> };
const LITERAL = 0;
const PLURAL = 6;
const POUND = 7;

/**
 * The forms of a message that is one plural, for the browser to pick with Intl.PluralRules. Only words
 * and `#` may sit in the forms, so the browser needs no ICU parser; anything else is a catalogue error.
 */
export function pluralForms(t: Translate, key: MessageKey): Record<string, string> {
  const compiled = compiledMessage(t.language, t.locale, key);
  if (typeof compiled === 'string') return { other: compiled };
  const ast = compiled.getAst() as unknown as AstElement[];
  const plural = ast[0];
  if (ast.length !== 1 || plural?.type !== PLURAL || !plural.options) throw new Error(`message ${key}: the browser takes one plural and nothing around it`);
  const forms: Record<string, string> = {};
  for (const [category, option] of Object.entries(plural.options)) {
    forms[category] = option.value.map((el) => {
      if (el.type === POUND) return '#';
      if (el.type === LITERAL && typeof el.value === 'string' && !el.value.includes('#')) return el.value;
      throw new Error(`message ${key}: a plural form for the browser has only words and #`);
    }).join('');
  }
  return forms;
}

export function clientMessages(t: Translate): ClientMessages {
  const slot = (name: string) => `{${name}}`;
  return {
    pageTitle: t('page.title', { title: slot('title'), site: slot('site') }),
    newStories: pluralForms(t, 'live.newStories'),
    show: t('live.show'),
    dismiss: t('live.dismiss'),
    thisStory: t('live.thisStory'),
    namedStory: t('live.namedStory', { headline: slot('headline') }),
    unavailable: t('live.unavailable', { story: slot('story') }),
    updated: t('live.updated', { story: slot('story') }),
    reload: t('live.reload'),
    copied: t('article.copied'),
    copyFailed: t('article.copyFailed'),
    follow: t('article.follow'),
    following: t('article.following'),
    followingFailed: t('following.loadFailed'),
  };
}

/** The JSON for `data-messages`, serialised and escaped once per translator (every page of an edition carries the same). */
const serialised = new WeakMap<Translate, SafeHtml>();

export function clientMessageData(t: Translate): SafeHtml {
  let escaped = serialised.get(t);
  if (escaped === undefined) {
    escaped = html`${JSON.stringify(clientMessages(t))}`;
    serialised.set(t, escaped);
  }
  return escaped;
}
