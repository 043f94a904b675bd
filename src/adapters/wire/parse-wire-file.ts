/** @module Parse wire file: detects a received file's format from its content (not its name) and dispatches to the ninjs, NewsML-G2, NITF, feed or text-capture parser. */
import type { WireItem } from '../../core/wire/wire-item.js';
import { parseNewsMlG2, NEWSML_G2_PARTS, NEWSML_G2_RAW_ELEMENTS, NEWSML_G2_ROOTS } from './newsml-g2-parser.js';
import { NITF_RAW_ELEMENTS, parseNitf } from './nitf-parser.js';
import { parseNinjs } from './ninjs-parser.js';
import { FEED_RAW_ELEMENTS, FEED_ROOTS, parseFeed } from './rss-atom-parser.js';
import { parseSafeXml, rootElementName, unsafeXmlReason } from './safe-xml.js';
import { parseTextCaptureWire } from './text-capture-wire.js';
import { decodeWireBytes, DEFAULT_MAX_WIRE_BYTES } from './wire-bytes.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits.js';

/** A failure with `busy` is the server out of its parsing time (try the file again later), not an unreadable file. */
export type WireDocumentResult = { ok: true; items: WireItem[]; warnings: string[] } | { ok: false; error: string; busy?: true };

export interface WireParseOptions {
  /** Files larger than this are refused before they are decoded (default 10 MB). */
  maxBytes?: number;
  /** XML's limits (default DEFAULT_XML_LIMITS). */
  xmlLimits?: XmlLimits;
}

/**
 * Reads one received file. Never throws: the file is untrusted. Every error names the file;
 * warnings are what a lenient receiver tolerated (schema deviations, bad bytes, skipped items).
 */
export function parseWireDocument(fileName: string, bytes: Uint8Array, receivedAt: Date, options: WireParseOptions = {}): WireDocumentResult {
  const fail = (error: string, busy?: true): WireDocumentResult => ({ ok: false, error: `${fileName}: ${error}`, ...(busy ? { busy } : {}) });
  try {
    const decoded = decodeWireBytes(bytes, options.maxBytes ?? DEFAULT_MAX_WIRE_BYTES);
    if (!decoded.ok) return fail(decoded.error);
    const text = decoded.text.replace(/^\uFEFF/, '');
    const result = dispatch(text, receivedAt, options.xmlLimits ?? DEFAULT_XML_LIMITS);
    if (!result.ok) return fail(result.error, result.busy);
    return { ok: true, items: result.items, warnings: [...decoded.warnings, ...result.warnings] };
  } catch (error) {
    // A parser bug must not take the wire desk down; the file is reported instead.
    return fail(`could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function dispatch(text: string, receivedAt: Date, xmlLimits: XmlLimits): WireDocumentResult {
  const start = text.trimStart();
  if (start === '') return { ok: false, error: 'empty file' };
  if (start.startsWith('{') || start.startsWith('[')) return parseJson(start);
  if (start.startsWith('<')) return parseXml(start, xmlLimits);
  return parseTextCaptureWire(text, receivedAt);
}

function parseJson(text: string): WireDocumentResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `malformed JSON (${error instanceof Error ? error.message : 'unreadable'})` };
  }
  return parseNinjs(json);
}

function parseXml(text: string, xmlLimits: XmlLimits): WireDocumentResult {
  if (isHtmlPage(text)) return { ok: false, error: 'not a feed: this is an HTML page, not RSS, Atom or NewsML-G2' };
  const unsafe = unsafeXmlReason(text);
  if (unsafe) return { ok: false, error: unsafe };
  const root = rootElementName(text);
  if (!root) return { ok: false, error: 'not XML: no root element' };
  if (root === 'nitf') {
    const parsed = parseSafeXml(text, NITF_RAW_ELEMENTS, xmlLimits);
    return parsed.ok ? parseNitf(parsed.node) : parsed;
  }
  if (root === 'NewsML') return { ok: false, error: 'a NewsML 1.x document (the format before NewsML-G2), which is not supported: ask the agency for NewsML-G2, NITF or ninjs' };
  const feedFormat = FEED_ROOTS[root];
  const isNewsMl = NEWSML_G2_ROOTS.has(root);
  if (!feedFormat && !isNewsMl) {
    if (NEWSML_G2_PARTS.has(root) || /iptc\.org\/std\/nar/.test(text.slice(0, 4096))) {
      return { ok: false, error: `a NewsML-G2 fragment (<${root}>), not a whole news item: it has no guid and no item metadata` };
    }
    return { ok: false, error: `unknown XML format: root element <${root}> is not RSS, Atom, NewsML-G2 or NITF` };
  }
  const parsed = parseSafeXml(text, feedFormat ? FEED_RAW_ELEMENTS[feedFormat] : NEWSML_G2_RAW_ELEMENTS, xmlLimits);
  if (!parsed.ok) return parsed;
  return feedFormat ? parseFeed(parsed.root, parsed.node) : parseNewsMlG2(parsed.root, parsed.node);
}

/**
 * An HTML page (a site's home page served where a feed was expected). Each comment ends at its first close, so the
 * pattern matches one way only: a lazy comment body let a prolog of many comments take exponential time.
 */
function isHtmlPage(text: string): boolean {
  return /^(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<!DOCTYPE\s+html/i.test(text) || rootElementName(text)?.toLowerCase() === 'html';
}
