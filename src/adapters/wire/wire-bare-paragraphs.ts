/**
 * @module Wire bare paragraphs: HTML that is only `<p>` elements holding plain text (most agency HTML), read without
 * building a tree; anything else is left to the parser (wire-html-blocks.ts).
 */

/** One paragraph: `<p>`, text without markup, `</p>`, then whitespace that a tree would hold as an empty text node. */
const BARE_PARAGRAPH = /<p>([^<\0]*)<\/p>[ \t\r\n]*/y;
/** References whose meaning is the same in every HTML decoding mode; any other `&` goes to the parser. */
const REFERENCE = /&(?:amp|lt|gt|quot|#39);/g;
const DECODED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The decoded text of each paragraph, as an HTML parser's text nodes would hold it; null when the markup is anything
 * but bare paragraphs (an attribute, another element, a comment, text outside a paragraph, an uncommon reference).
 */
export function bareParagraphTexts(markup: string): string[] | null {
  let at = /^[ \t\r\n]*/.exec(markup)![0].length;
  if (at === markup.length) return null;
  const texts: string[] = [];
  while (at < markup.length) {
    BARE_PARAGRAPH.lastIndex = at;
    const match = BARE_PARAGRAPH.exec(markup);
    if (!match) return null;
    const text = decodeCommonReferences(match[1]!);
    if (text === null) return null;
    texts.push(text);
    at = BARE_PARAGRAPH.lastIndex;
  }
  return texts;
}

function decodeCommonReferences(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  const decoded = raw.replace(REFERENCE, (reference) => DECODED[reference]!);
  // An `&` left over was not one of the common references (decoded ones cannot make a new `&…;`: the replacement is one pass).
  return raw.replace(REFERENCE, '').includes('&') ? null : decoded;
}
