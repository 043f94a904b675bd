/** @module Writes feed XML with fast-xml-parser's builder, which escapes every text and attribute; the namespaces the feeds use. */
import { XMLBuilder } from 'fast-xml-parser';
import { stripInvalidXmlChars } from './xml-escape.js';
import type { FeedImage } from './feed-entry.js';

export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/**
 * An XML document from a builder tree (`@_name` attributes, `#text` text, arrays repeat an element). Code points
 * XML forbids even as references (C0 controls, unpaired surrogates) are dropped from the whole document: no
 * markup we write contains one, so only text and attribute values lose them.
 */
export function buildXml(root: Record<string, unknown>): string {
  return stripInvalidXmlChars(builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root }) as string);
}

/** Attributes with a value only; numbers as text. */
export function attributes(values: Record<string, string | number | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === null || v === undefined || v === '' ? [] : [[`@_${k}`, String(v)]])));
}

/** Media RSS (https://www.rssboard.org/media-rss): the lead photo with its size, caption and credit; valid in RSS and Atom alike. */
export function mediaContent(image: FeedImage): Record<string, unknown> {
  return {
    ...attributes({ url: image.url, medium: 'image', type: image.type, fileSize: image.bytes, width: image.width, height: image.height }),
    ...(image.caption || image.alt ? { 'media:description': { '@_type': 'plain', '#text': image.caption || image.alt } } : {}),
    ...(image.credit ? { 'media:credit': image.credit } : {}),
  };
}
