/** @module XML text safety: escaping for the hand-written sitemaps, and dropping what XML forbids from the built feeds. */

/**
 * Code points XML 1.0 forbids anywhere in a document, even as character references: C0 controls
 * other than tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates. One of these in a headline
 * would make the whole feed unparseable, so they are dropped rather than escaped.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Removes the code points that cannot appear in an XML document. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escapes text for XML element content and quoted attribute values alike. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
