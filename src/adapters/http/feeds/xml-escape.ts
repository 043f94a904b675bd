/** @module XML text safety: escaping for the hand-written sitemaps, and cleaning text handed to the feed library. */

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

/**
 * Splits text into pieces that can each sit in their own CDATA section: every "]]>" is cut
 * between "]]" and ">", and adjacent CDATA sections join back into the original text when parsed.
 */
export function cdataSections(text: string): string[] {
  return stripInvalidXmlChars(text).split(']]>').flatMap((piece, i, all) => {
    const head = i === 0 ? piece : `>${piece}`;
    return i < all.length - 1 ? [`${head}]]`] : [head];
  });
}
