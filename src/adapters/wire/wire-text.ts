/** @module Wire text: normalises agency text (entities, whitespace, NFC) and turns plain text or markup into body blocks. */
import { decodeXML } from 'entities';
import type { BodyBlock } from '../../core/articles/article.js';
import { htmlToBodyBlocks, type HtmlBody } from './wire-html-blocks.js';

/** NFC, whitespace runs (tabs, newlines, no-break spaces) collapsed to one space, trimmed. */
export function normaliseText(raw: string): string {
  return raw.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
}

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

/** Plain text to paragraphs: one per non-blank line (agencies send one paragraph a line or blank-line separated). */
export function plainTextToBlocks(text: string): BodyBlock[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(normaliseText)
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph' as const, text: line }));
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
