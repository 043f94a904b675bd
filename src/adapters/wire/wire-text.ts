/** @module Wire text: normalises agency text (entities, whitespace, NFC) and turns plain text or markup into body blocks. */
import { decodeXML } from 'entities';
import type { BodyBlock } from '../../core/articles/article.js';
import { htmlToBodyBlocks, type HtmlBody } from './wire-html-blocks.js';
import { normaliseText, plainTextToBlocks } from './wire-plain-text.js';

export { normaliseText, plainTextToBlocks };

/** Decodes the five predefined XML entities and numeric references; every other `&name;` is left as written. */
export function decodeXmlEntities(raw: string): string {
  return raw.includes('&') ? decodeXML(raw) : raw;
}

/** Normalised text, or null when nothing is left. */
export function cleanOrNull(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = normaliseText(raw);
  return text === '' ? null : text;
}

/**
 * A stand-in headline from a body that came without one: its first heading or paragraph that is not an editor's
 * note ("*** DISCLAIMER … ***"), cut at a word boundary. Null when the body has no text.
 */
export function headlineFromBlocks(blocks: readonly BodyBlock[], maxLength = 120): string | null {
  const first = blocks.find((b): b is Extract<BodyBlock, { type: 'paragraph' | 'heading' }> => (b.type === 'paragraph' || b.type === 'heading') && !/^\*{2,}/.test(b.text));
  if (!first) return null;
  return summaryFromBlocks([{ type: 'paragraph', text: first.text }], maxLength);
}

/** A code's value when it reads as a place's or thing's name ("Moscow", "South Ossetia"); null for ids ("20016"). */
export function readableName(code: string): string | null {
  const text = normaliseText(code);
  return /^\p{Lu}[\p{L}\s.'’-]{2,}$/u.test(text) ? text : null;
}

/**
 * A dateline as the agency wrote it, without the separator that joins it to the text ("London (dpa) - " →
 * "London (dpa)"). Null when empty or when it is only a timestamp (Reuters sends "2014-07-17 00:24:11 GMT+00:00").
 */
export function wireDateline(raw: string | null | undefined): string | null {
  const text = normaliseText(raw ?? '').replace(/[\s\-–—:,]+$/u, '');
  if (text === '' || /^\d{4}-?\d{2}-?\d{2}(?:[T ]\d{2}:?\d{2}(?::?\d{2})?)?(?:\s*(?:GMT|UTC|Z)?[+-]?\d{0,2}:?\d{0,2})?$/i.test(text)) return null;
  return text;
}

/**
 * The markup of an element the XML parser kept raw (a stop node): CDATA sections are markup as
 * written, other text is markup when it holds tags and escaped HTML otherwise (`&lt;p&gt;` in
 * RSS descriptions), which is decoded once.
 */
export function markupOfRaw(raw: string): string {
  const parts = raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part) => {
      if (part.startsWith('<![CDATA[')) return part.slice(9, -3);
      return /<[A-Za-z!/]/.test(part) ? part : decodeXmlEntities(part);
    })
    .join('');
}

/** True when a string looks like markup rather than plain text. */
export function looksLikeMarkup(text: string): boolean {
  return /<\/?[A-Za-z][\w.:-]*(\s[^<>]*)?\/?>/.test(text);
}

/** Body blocks from a string that may be HTML or plain text (RSS descriptions are either). */
export function textOrHtmlToBody(text: string, options: { nitf?: boolean } = {}): HtmlBody {
  if (looksLikeMarkup(text)) return htmlToBodyBlocks(text, options);
  return { blocks: plainTextToBlocks(decodeXmlEntities(text)), photos: [], warnings: [] };
}

/** A short summary from a body: the first paragraph, cut at a word boundary. */
export function summaryFromBlocks(blocks: readonly BodyBlock[], maxLength = 300): string | null {
  const first = blocks.find((block) => block.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return null;
  if (first.text.length <= maxLength) return first.text;
  const cut = first.text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`;
}
