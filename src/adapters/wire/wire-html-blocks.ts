/** @module Wire HTML blocks: agency XHTML, HTML and NITF bodies through an allow-list sanitiser, then into BodyBlocks with inline runs. */
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import type { BodyBlock, TextRun } from '../../core/articles/article.js';
import { isBodyImageUrl } from '../../core/articles/body-image-url.js';
import type { WirePhoto } from '../../core/wire/wire-item.js';
import { escapeHtml } from '../http/html/html.js';
import { bareParagraphTexts } from './wire-bare-paragraphs.js';
import { inlineRuns, textRuns, wireInlineText } from './wire-inline-runs.js';
import { hasPlainTextLayout, normaliseText, plainTextToBlocks } from './wire-plain-text.js';

export interface HtmlBody {
  blocks: BodyBlock[];
  photos: WirePhoto[];
  warnings: string[];
  /** NITF `byline` and `dateline`, or the byline in a dpa XHTML `<header>` ("Von Anna Müller, dpa"), when the body carries them. */
  byline?: string | null;
  dateline?: string | null;
  /** The body's own headline (NITF `hl1`, XHTML `<header>` `h1`, `title` or `h1`): used when the item has none. */
  headline?: string | null;
  /** Who the copy comes from, as the body says it: NITF `distributor` or the byline's title (`byttl`). */
  credit?: string | null;
  /** A sub-heading or abstract the body carries before its text (dpa `<header>` `h2`, NITF `abstract`). */
  standfirst?: string | null;
}

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'img', 'div', 'section', 'article', 'body', 'pre', 'table']);
/** A photo this small (width and height at most 2 px) is a tracking pixel, not a picture. */
const PIXEL = 2;
/** Elements that have no place inside a paragraph or heading: a sign of a broken (but readable) body. */
const MISPLACED_INSIDE_TEXT = new Set(['p', 'div', 'ul', 'ol', 'blockquote', 'table', 'h1', 'h2', 'h3', 'dateline', 'byline', 'hedline', 'hl1', 'abstract']);

/** NITF names mapped to their HTML equivalents; anything not allowed afterwards is dropped, its text kept. */
const NITF_TAGS: Record<string, string> = { hl2: 'h3', bq: 'blockquote', block: 'div', 'body.content': 'div', 'body.end': 'div', tagline: 'p', 'media-caption': 'figcaption' };

function sanitiseOptions(xml: boolean): sanitizeHtml.IOptions {
  return {
    allowedTags: ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'br', 'figure', 'figcaption', 'img', 'div', 'section', 'article', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption'],
    allowedAttributes: { a: ['href'], img: ['src', 'width', 'height', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    // The headline and head matter are read elsewhere; an h1 in a body is the headline again.
    // A dpa XHTML `<header>` repeats the item's metadata (time, keywords, headline, sub-heading, byline): read apart.
    // NITF `<media>` points at a file delivered beside the document: its caption alone would open the story.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'body.head', 'h1', 'media-producer', 'object', 'iframe', 'header', 'media'],
    transformTags: Object.fromEntries(Object.entries(NITF_TAGS).map(([from, to]) => [from, to])),
    parser: { xmlMode: xml, recognizeSelfClosing: true, lowerCaseTags: true, decodeEntities: true },
  };
}

/**
 * Sanitises and converts a body. `nitf` (or any well-formed XML body) is parsed as XML so that
 * self-closing tags and NITF names survive; HTML from feeds and ninjs is parsed as HTML.
 */
export function htmlToBodyBlocks(markup: string, options: { nitf?: boolean; xml?: boolean } = {}): HtmlBody {
  const xml = options.xml ?? options.nitf ?? false;
  const paragraphs = xml ? null : bareParagraphTexts(markup);
  if (paragraphs) {
    // Paragraphs of plain text alone (most agency HTML): the blocks their tree would give, without the tree.
    const body: HtmlBody = { blocks: [], photos: [], warnings: [] };
    for (const text of paragraphs) pushTextParagraph(body.blocks, text);
    return body;
  }
  // `<html:p>` (Reuters) and `<x:p>` are XHTML paragraphs under a prefix: read by their local names.
  const source = xml ? withoutElementPrefixes(markup) : markup;
  const raw = parseDocument(source, { xmlMode: xml, recognizeSelfClosing: true, decodeEntities: true });
  const warnings = misplacedElements(raw.children);
  // Markup the sanitiser would give back as it is needs no second and third parse: its tree is already the clean one.
  const dom = !xml && isAllowListedHtml(source) ? raw : parseDocument(sanitizeHtml(source, sanitiseOptions(xml)), { decodeEntities: true });
  const body: HtmlBody = { blocks: [], photos: [], warnings };
  walkBlocks(dom.children, body);
  // What the body says about the item (its headline, sub-heading, byline) matters for XML bodies (NewsML-G2, NITF);
  // feeds and ninjs carry those fields apart, so their bodies skip the extra tree walks.
  if (!xml) return body;
  const header = DomUtils.findOne((e) => e.name === 'header', raw.children, true);
  body.headline = firstText(raw.children, 'hl1') ?? (header ? firstText(header.children, 'h1') : null) ?? firstText(raw.children, 'title') ?? firstText(raw.children, 'h1');
  body.standfirst = (header ? firstText(header.children, 'h2') : null) ?? (options.nitf ? firstText(raw.children, 'abstract') : null);
  body.byline = options.nitf ? bylineText(raw.children) : header ? headerByline(header) : null;
  if (options.nitf) body.dateline = datelineText(raw.children);
  if (options.nitf) body.credit = firstText(raw.children, 'distributor') ?? firstText(raw.children, 'byttl');
  return body;
}

/** A start or end tag the sanitiser keeps unchanged: an allowed element that carries no attribute. */
const ALLOWED_BARE_TAG = /<(?:\/(?:p|br|b|i|em|strong)\s*|(?:p|br|b|i|em|strong)\s*\/?)>/iy;

/**
 * True when every `<` of HTML markup opens a bare allowed tag (`<p>`, `</em>`, `<br/>`): no attribute, comment,
 * doctype, CDATA or other element. The sanitiser keeps such markup as it is (text is decoded and escaped again,
 * which reads back the same), so parsing it once gives the tree the sanitised copy would. Most agency HTML is this.
 */
export function isAllowListedHtml(markup: string): boolean {
  for (let at = markup.indexOf('<'); at !== -1; at = markup.indexOf('<', at + 1)) {
    ALLOWED_BARE_TAG.lastIndex = at;
    if (!ALLOWED_BARE_TAG.test(markup)) return false;
  }
  return true;
}

/** Element names without their namespace prefix; attributes (`xmlns:html`) are left alone. */
function withoutElementPrefixes(markup: string): string {
  return markup.replace(/<(\/?)[A-Za-z_][\w.-]*:([A-Za-z_][\w.-]*)/g, '<$1$2');
}

/** NITF dateline: the place as written, without its `story.date` (a timestamp, kept in the item's times). */
function datelineText(nodes: ChildNode[]): string | null {
  const el = DomUtils.findOne((e) => e.name === 'dateline', nodes, true);
  if (!el) return null;
  const text = normaliseText(el.children.map((c) => (c.type === 'tag' && c.name === 'story.date' ? ' ' : DomUtils.textContent(c))).join(' '));
  return text === '' ? null : text;
}

/** NITF byline: its text, the person and title (`byttl`, "AP Business Writer") apart by a space. */
function bylineText(nodes: ChildNode[]): string | null {
  const el = DomUtils.findOne((e) => e.name === 'byline', nodes, true);
  if (!el) return null;
  // Parts apart by a space: "By BERNARD CONDON<byttl>AP Business Writer</byttl>" is not one run-together word.
  const text = normaliseText(el.children.map((c) => DomUtils.textContent(c)).join(' ')).replace(/ ,/g, ',');
  return text === '' ? null : text;
}

/** dpa: "Von Anna Müller, dpa" (or an element with class "byline") inside the XHTML header. */
function headerByline(header: Element): string | null {
  const marked = DomUtils.findOne((e) => /\bbyline\b/.test(e.attribs['class'] ?? ''), header.children, true);
  if (marked) return normaliseText(DomUtils.textContent(marked)) || null;
  const line = DomUtils.findAll((e) => e.name === 'p' || e.name === 'span' || e.name === 'div', header.children)
    .map((e) => normaliseText(DomUtils.textContent(e)))
    .find((text) => /^(?:von|by)\s+\S/i.test(text) && text.length < 200);
  return line ?? null;
}

function walkBlocks(nodes: readonly ChildNode[], body: HtmlBody): void {
  let inline: ChildNode[] = [];
  const flush = (): void => {
    pushParagraph(body.blocks, inlineRuns(inline));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'tag' && BLOCKS.has(node.name)) {
      flush();
      blockOf(node, body);
    } else {
      inline.push(node);
    }
  }
  flush();
}

function blockOf(el: Element, body: HtmlBody): void {
  const text = (): string => normaliseText(DomUtils.textContent(el));
  switch (el.name) {
    case 'p':
      if (el.children.some((c) => c.type === 'tag' && BLOCKS.has(c.name))) walkBlocks(el.children, body);
      else if (isPreformatted(el)) body.blocks.push(...plainTextToBlocks(DomUtils.textContent(el)));
      else if (hasLineBreaks(el)) pushLines(body.blocks, linesOf(el));
      else pushParagraph(body.blocks, inlineRuns(el.children));
      return;
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      if (text()) body.blocks.push({ type: 'heading', level: el.name === 'h2' ? 2 : 3, text: text() });
      return;
    case 'blockquote':
      if (text()) body.blocks.push({ type: 'quote', text: text(), cite: null });
      return;
    case 'ul':
    case 'ol': {
      const items = DomUtils.getElementsByTagName('li', el.children, true).map((li) => normaliseText(DomUtils.textContent(li))).filter(Boolean);
      if (items.length) body.blocks.push({ type: 'list', ordered: el.name === 'ol', items });
      return;
    }
    case 'figure':
    case 'img':
      imageOf(el, body);
      return;
    case 'pre':
      pushLines(body.blocks, DomUtils.textContent(el).split(/\r\n|\r|\n/));
      return;
    case 'table':
      pushLines(body.blocks, DomUtils.getElementsByTagName('tr', el.children, true).map((tr) =>
        tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')).map((cell) => normaliseText(DomUtils.textContent(cell))).join(' | ')));
      return;
    default:
      walkBlocks(el.children, body);
  }
}

function imageOf(el: Element, body: HtmlBody): void {
  const img = el.name === 'img' ? el : DomUtils.findOne((e) => e.name === 'img', el.children, true);
  const caption = normaliseText(DomUtils.getElementsByTagName('figcaption', el.children, true).map((c) => DomUtils.textContent(c)).join(' '));
  const src = img?.attribs['src']?.trim();
  // A relative, data: or script address cannot be a body image (see isBodyImageUrl): the caption is kept as text.
  if (!img || !src || !isBodyImageUrl(src)) {
    if (caption) body.blocks.push({ type: 'paragraph', text: caption });
    return;
  }
  const width = positiveInt(img.attribs['width']);
  const height = positiveInt(img.attribs['height']);
  if (width !== null && height !== null && width <= PIXEL && height <= PIXEL) return;
  body.blocks.push({ type: 'image', mediaId: null, url: src, caption, credit: null, alt: normaliseText(img.attribs['alt'] ?? '') || caption, width, height });
  body.photos.push({ href: src, width, height, mimeType: null, caption: caption || null, credit: null });
}

/** A `<p>` holding only this text (bareParagraphTexts): what blockOf makes of such a paragraph. */
function pushTextParagraph(blocks: BodyBlock[], text: string): void {
  if (hasPlainTextLayout(text)) blocks.push(...plainTextToBlocks(text));
  else pushParagraph(blocks, textRuns(text));
}

/**
 * Lines that must stay lines (a `<pre>`, a results table, text broken with `<br>`): one HTML block, each line escaped
 * and ended by `<br>`, table cells apart by " | ". One line is a plain paragraph.
 */
function pushLines(blocks: BodyBlock[], raw: string[]): void {
  const lines = raw.map((line) => wireInlineText(line).replace(/\s+/gu, ' ').trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return;
  if (lines.length === 1) {
    blocks.push({ type: 'paragraph', text: lines[0]! });
    return;
  }
  blocks.push({ type: 'html', html: `<p>${lines.map((line) => escapeHtml(line)).join('<br>')}</p>` });
}

/**
 * True when a paragraph's `<br>`s are line breaks that mean something. Wire copy hard-wrapped at 55–80 characters
 * with a `<br>` at each wrap (AAP, from ANPA) is one paragraph of running text: those breaks are read as spaces.
 */
function hasLineBreaks(el: Element): boolean {
  if (!DomUtils.findOne((e) => e.name === 'br', el.children, true)) return false;
  const lines = linesOf(el).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length <= 1) return false;
  const wrapped = lines.slice(0, -1).every((line) => line.length >= 50 && line.length <= 80 && !/[.:;!?]$/.test(line));
  return !wrapped;
}

/** A paragraph that is a whole wire story as plain text, laid out with newlines and indents (Reuters): read as plain text. */
function isPreformatted(el: Element): boolean {
  return el.children.every((c) => c.type === 'text') && hasPlainTextLayout(DomUtils.textContent(el));
}

function linesOf(el: Element): string[] {
  const lines: string[] = [''];
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') lines[lines.length - 1] += node.data.replace(/\s+/g, ' ');
      else if (node.type === 'tag' && node.name === 'br') lines.push('');
      else if (node.type === 'tag') walk(node.children);
    }
  };
  walk(el.children);
  return lines;
}

function pushParagraph(blocks: BodyBlock[], runs: TextRun[]): void {
  const text = runs.map((run) => run.text).join('');
  if (text === '') return;
  const formatted = runs.some((run) => run.bold || run.italic || run.href);
  blocks.push(formatted ? { type: 'paragraph', text, runs } : { type: 'paragraph', text });
}

function misplacedElements(nodes: ChildNode[]): string[] {
  const found = new Set<string>();
  for (const outer of DomUtils.getElementsByTagName((name) => /^(p|h[1-6]|hl1|hl2)$/.test(name), nodes, true)) {
    for (const inner of DomUtils.findAll((e) => MISPLACED_INSIDE_TEXT.has(e.name), outer.children)) {
      found.add(`<${inner.name}> inside <${outer.name}>`);
    }
  }
  return [...found].map((what) => `body markup not allowed by its schema (${what}); its text was kept`);
}

function firstText(nodes: ChildNode[], name: string): string | null {
  const el = DomUtils.findOne((e) => e.name === name, nodes, true);
  const text = el ? normaliseText(DomUtils.textContent(el)) : '';
  return text === '' ? null : text;
}

function positiveInt(raw: string | undefined): number | null {
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}
