/** @module Wire HTML blocks: agency XHTML, HTML and NITF bodies through an allow-list sanitiser, then into BodyBlocks with inline runs. */
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import type { BodyBlock, TextRun } from '../../core/articles/article.js';
import type { WirePhoto } from '../../core/wire/wire-item.js';
import { inlineRuns } from './wire-inline-runs.js';

export interface HtmlBody {
  blocks: BodyBlock[];
  photos: WirePhoto[];
  warnings: string[];
  /** NITF `byline` and `dateline`, when the body carries them. */
  byline?: string | null;
  dateline?: string | null;
}

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'img', 'div', 'section', 'article', 'body']);
/** Elements that have no place inside a paragraph or heading: a sign of a broken (but readable) body. */
const MISPLACED_INSIDE_TEXT = new Set(['p', 'div', 'ul', 'ol', 'blockquote', 'table', 'h1', 'h2', 'h3', 'dateline', 'byline', 'hedline', 'hl1', 'abstract']);

/** NITF names mapped to their HTML equivalents; anything not allowed afterwards is dropped, its text kept. */
const NITF_TAGS: Record<string, string> = { hl2: 'h3', bq: 'blockquote', block: 'div', 'body.content': 'div', 'body.end': 'div', tagline: 'p', 'media-caption': 'figcaption' };

function sanitiseOptions(xml: boolean): sanitizeHtml.IOptions {
  return {
    allowedTags: ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'br', 'figure', 'figcaption', 'img', 'div', 'section', 'article'],
    allowedAttributes: { a: ['href'], img: ['src', 'width', 'height', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    // The headline and head matter are read elsewhere; an h1 in a body is the headline again.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'body.head', 'h1', 'media-producer', 'object', 'iframe'],
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
  const raw = parseDocument(markup, { xmlMode: xml, recognizeSelfClosing: true, decodeEntities: true });
  const warnings = misplacedElements(raw.children);
  const clean = sanitizeHtml(markup, sanitiseOptions(xml));
  const dom = parseDocument(clean, { decodeEntities: true });
  const body: HtmlBody = { blocks: [], photos: [], warnings };
  walkBlocks(dom.children, body);
  if (options.nitf) {
    body.byline = firstText(raw.children, 'byline');
    body.dateline = firstText(raw.children, 'dateline');
  }
  return body;
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
  const text = (): string => normalise(DomUtils.textContent(el));
  switch (el.name) {
    case 'p':
      if (el.children.some((c) => c.type === 'tag' && BLOCKS.has(c.name))) walkBlocks(el.children, body);
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
      const items = DomUtils.getElementsByTagName('li', el.children, true).map((li) => normalise(DomUtils.textContent(li))).filter(Boolean);
      if (items.length) body.blocks.push({ type: 'list', ordered: el.name === 'ol', items });
      return;
    }
    case 'figure':
    case 'img':
      imageOf(el, body);
      return;
    default:
      walkBlocks(el.children, body);
  }
}

function imageOf(el: Element, body: HtmlBody): void {
  const img = el.name === 'img' ? el : DomUtils.findOne((e) => e.name === 'img', el.children, true);
  const caption = normalise(DomUtils.getElementsByTagName('figcaption', el.children, true).map((c) => DomUtils.textContent(c)).join(' '));
  const src = img?.attribs['src'];
  if (!img || !src) {
    if (caption) body.blocks.push({ type: 'paragraph', text: caption });
    return;
  }
  const width = positiveInt(img.attribs['width']);
  const height = positiveInt(img.attribs['height']);
  body.blocks.push({ type: 'image', mediaId: null, url: src, caption, credit: null, alt: normalise(img.attribs['alt'] ?? '') || caption, width, height });
  body.photos.push({ href: src, width, height, mimeType: null, caption: caption || null, credit: null });
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
  const text = el ? normalise(DomUtils.textContent(el)) : '';
  return text === '' ? null : text;
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
}

function positiveInt(raw: string | undefined): number | null {
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}
