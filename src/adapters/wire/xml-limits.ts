/**
 * @module XML limits: one linear pass over untrusted XML that refuses too many attributes on an element or too deep
 * nesting (properties of the document: it is refused), or stops once the server's time budget for it is spent
 * (a condition of this server, not of the document: `busy`, to be tried again later), before any parser runs.
 */

export interface XmlLimits {
  /** Attributes on one element. Real NewsML-G2, NITF and RSS elements carry a handful; 200,000 took seconds to parse. */
  maxAttributesPerElement: number;
  /** Elements open at once. XHTML bodies inside NewsML-G2 nest a few dozen deep at most. */
  maxDepth: number;
  /** Milliseconds for one document, from the start of this scan to the end of validation; past it the server is busy. */
  maxParseMs: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({ maxAttributesPerElement: 256, maxDepth: 256, maxParseMs: 3_000 });

/**
 * Why a document was not parsed. Without `busy` the document itself breaks a limit (it will never be read); with
 * `busy: true` the time budget ran out, which says how loaded the machine is, not what the document is.
 */
export interface XmlRefusal {
  error: string;
  busy?: true;
}

/** The refusal for a spent time budget. */
export function parseBudgetExceeded(limits: XmlLimits): XmlRefusal {
  return { error: `XML not read: the server is busy (parsing took over its budget of ${limits.maxParseMs} ms per document); try again later`, busy: true };
}

/** How many characters the scan covers between two looks at the clock. */
const CLOCK_EVERY = 1 << 16;

const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The index just past `close` from `from`, or the text's length when it never closes (the validator reports that). */
function skipPast(text: string, from: number, close: string): number {
  const at = text.indexOf(close, from);
  return at === -1 ? text.length : at + close.length;
}

interface StartTag {
  end: number;
  attributes: number;
  selfClosing: boolean;
}

/** Reads one start tag from its `<`: counts attribute names (a name after white space, outside quotes). */
function readStartTag(text: string, at: number): StartTag {
  let attributes = 0;
  let afterSpace = false;
  for (let i = at + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOT || code === APOS) {
      const close = text.indexOf(code === QUOT ? '"' : "'", i + 1);
      if (close === -1) return { end: text.length, attributes, selfClosing: false };
      i = close;
      afterSpace = false;
    } else if (code === GT) {
      return { end: i + 1, attributes, selfClosing: text.charCodeAt(i - 1) === SLASH };
    } else if (isSpace(code)) {
      afterSpace = true;
    } else {
      if (afterSpace && code !== SLASH && code !== EQ) attributes += 1;
      afterSpace = false;
    }
  }
  return { end: text.length, attributes, selfClosing: false };
}

/** What is at `i` (a `<`) and where it ends; `kind` says how the element depth changes. */
function markupAt(text: string, i: number): { end: number; kind: 'open' | 'close' | 'other'; attributes: number } {
  if (text.startsWith('<!--', i)) return { end: skipPast(text, i + 4, '-->'), kind: 'other', attributes: 0 };
  if (text.startsWith('<![CDATA[', i)) return { end: skipPast(text, i + 9, ']]>'), kind: 'other', attributes: 0 };
  if (text.startsWith('<?', i)) return { end: skipPast(text, i + 2, '?>'), kind: 'other', attributes: 0 };
  if (text.startsWith('<!', i)) return { end: skipPast(text, i + 2, '>'), kind: 'other', attributes: 0 };
  if (text.charCodeAt(i + 1) === SLASH) return { end: skipPast(text, i + 2, '>'), kind: 'close', attributes: 0 };
  const tag = readStartTag(text, i);
  return { end: tag.end, kind: tag.selfClosing ? 'other' : 'open', attributes: tag.attributes };
}

/**
 * The first limit the document breaks (or the spent time budget, `busy`), as a refusal naming it, or null. Linear in the text's length: each
 * character is looked at once. Malformed markup is left for the validator, which reports it with its line.
 * `started` is the document's start time (performance.now()), so the budget covers the whole parse.
 */
export function scanXmlLimits(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS, started = performance.now()): XmlRefusal | null {
  let depth = 0;
  let nextClock = CLOCK_EVERY;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const markup = markupAt(text, i);
    if (markup.attributes > limits.maxAttributesPerElement) {
      return { error: `XML refused: an element has ${markup.attributes} attributes, over the limit of ${limits.maxAttributesPerElement} per element` };
    }
    if (markup.kind === 'open' && ++depth > limits.maxDepth) return { error: `XML refused: elements nest over the limit of ${limits.maxDepth} levels` };
    if (markup.kind === 'close') depth -= 1;
    if (markup.end >= nextClock) {
      nextClock = markup.end + CLOCK_EVERY;
      if (performance.now() - started > limits.maxParseMs) return parseBudgetExceeded(limits);
    }
    i = text.indexOf('<', markup.end);
  }
  return null;
}
