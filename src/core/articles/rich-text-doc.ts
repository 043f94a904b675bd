/** @module The newsroom editor's document (ProseMirror JSON) to and from an article body; defensive, never throws. */
import type { BodyBlock, BodyImage, TextRun } from './article.js';
import { inlineToRuns, runsToInline, type RichTextNode } from './rich-text-runs.js';

export type { RichTextMark, RichTextNode } from './rich-text-runs.js';

/** The editor's whole document, as TipTap's `getJSON()` returns it. */
export interface RichTextDoc {
  type: 'doc';
  content: RichTextNode[];
}

/** Deeper nesting than this is not something the editor makes; it is dropped rather than walked. */
const MAX_DEPTH = 24;

function node(type: string, content?: RichTextNode[], attrs?: Record<string, unknown>): RichTextNode {
  const result: RichTextNode = { type };
  if (attrs) result.attrs = attrs;
  if (content && content.length > 0) result.content = content;
  return result;
}

function plainText(text: string): RichTextNode[] {
  return runsToInline([{ text }]);
}

function listToDoc(block: Extract<BodyBlock, { type: 'list' }>): RichTextNode {
  const items = block.items.map((item) => node('listItem', [node('paragraph', plainText(item))]));
  return node(block.ordered ? 'orderedList' : 'bulletList', items, block.ordered ? { start: 1 } : undefined);
}

function imageToDoc(block: BodyImage): RichTextNode {
  const { mediaId, url, alt, caption, credit, width, height } = block;
  return node('image', undefined, { mediaId, src: url, alt, caption, credit, width, height });
}

function blockToDoc(block: BodyBlock): RichTextNode {
  switch (block.type) {
    case 'paragraph':
      return node('paragraph', runsToInline(block.runs ?? [{ text: block.text }]));
    case 'heading':
      return node('heading', plainText(block.text), { level: block.level });
    case 'quote':
      return node('blockquote', [node('paragraph', runsToInline(block.runs ?? [{ text: block.text }]))], { cite: block.cite });
    case 'list':
      return listToDoc(block);
    case 'html':
      return node('legacyHtml', undefined, { html: block.html });
    case 'image':
      return imageToDoc(block);
    case 'embed':
      return node('embed', undefined, { url: block.url, title: block.title });
  }
}

/** The editor document of a body. An empty body gives one empty paragraph, as ProseMirror requires. */
export function blocksToDoc(blocks: readonly BodyBlock[]): RichTextDoc {
  const content = blocks.map(blockToDoc);
  return { type: 'doc', content: content.length > 0 ? content : [node('paragraph')] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(value: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(value['content']) ? value['content'].filter(isRecord) : [];
}

function stringAttr(attrs: Record<string, unknown>, key: string): string | null {
  const value = attrs[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function sizeAttr(attrs: Record<string, unknown>, key: string): number | null {
  const value = typeof attrs[key] === 'string' ? Number(attrs[key]) : attrs[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function textBlock(runs: TextRun[]): { text: string; runs?: TextRun[] } | null {
  if (runs.length === 0) return null;
  const text = runs.map((run) => run.text).join('');
  const formatted = runs.some((run) => run.bold || run.italic || run.href !== undefined);
  return formatted ? { text, runs } : { text };
}

/** Every text of a subtree as one normalised string (headings and list items keep no formatting). */
function flatText(value: Record<string, unknown>, depth: number): string {
  const runs = inlineToRuns(collectInline(value, depth));
  return runs.map((run) => run.text).join('');
}

/** The inline nodes of a subtree, in order; nested blocks are separated by a space. */
function collectInline(value: Record<string, unknown>, depth: number): unknown[] {
  if (depth > MAX_DEPTH) return [];
  if (value['type'] === 'text' || value['type'] === 'hardBreak') return [value];
  const out: unknown[] = [];
  for (const child of childrenOf(value)) {
    const inline = collectInline(child, depth + 1);
    if (out.length > 0 && inline.length > 0 && child['type'] !== 'text' && child['type'] !== 'hardBreak') out.push({ type: 'hardBreak' });
    out.push(...inline);
  }
  return out;
}

function listItems(value: Record<string, unknown>, depth: number, items: string[]): string[] {
  if (depth > MAX_DEPTH) return items;
  for (const item of childrenOf(value)) {
    // A nested list becomes further items after its parent item: the body model has flat lists.
    const own = { ...item, content: childrenOf(item).filter((c) => c['type'] !== 'bulletList' && c['type'] !== 'orderedList') };
    const text = flatText(own, depth + 1);
    if (text !== '') items.push(text);
    for (const nested of childrenOf(item)) {
      if (nested['type'] === 'bulletList' || nested['type'] === 'orderedList') listItems(nested, depth + 2, items);
    }
  }
  return items;
}

function quoteBlocks(value: Record<string, unknown>, depth: number): BodyBlock[] {
  const cite = isRecord(value['attrs']) ? stringAttr(value['attrs'], 'cite') : null;
  const quotes: BodyBlock[] = [];
  for (const child of childrenOf(value)) {
    const inline = child['type'] === 'paragraph' ? child['content'] : collectInline(child, depth + 1);
    const block = textBlock(inlineToRuns(Array.isArray(inline) ? inline : []));
    if (block) quotes.push({ type: 'quote', ...block, cite: null });
  }
  // One quote block per paragraph; the attribution belongs to the last.
  const last = quotes[quotes.length - 1];
  if (last?.type === 'quote') last.cite = cite;
  return quotes;
}

function imageBlock(attrs: Record<string, unknown>): BodyImage | null {
  const url = stringAttr(attrs, 'src') ?? stringAttr(attrs, 'url');
  if (url === null) return null;
  return {
    type: 'image',
    mediaId: stringAttr(attrs, 'mediaId'),
    url,
    caption: stringAttr(attrs, 'caption') ?? '',
    credit: stringAttr(attrs, 'credit'),
    alt: stringAttr(attrs, 'alt') ?? '',
    width: sizeAttr(attrs, 'width'),
    height: sizeAttr(attrs, 'height'),
  };
}

function headingLevel(attrs: Record<string, unknown>): 2 | 3 {
  const level = attrs['level'];
  return typeof level === 'number' && level >= 3 ? 3 : 2;
}

function nodeToBlocks(value: Record<string, unknown>, depth: number): BodyBlock[] {
  const attrs = isRecord(value['attrs']) ? value['attrs'] : {};
  switch (value['type']) {
    case 'paragraph': {
      const block = textBlock(inlineToRuns(Array.isArray(value['content']) ? value['content'] : []));
      return block ? [{ type: 'paragraph', ...block }] : [];
    }
    case 'heading': {
      const text = flatText(value, depth);
      return text ? [{ type: 'heading', text, level: headingLevel(attrs) }] : [];
    }
    case 'blockquote':
      return quoteBlocks(value, depth);
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(value, depth, []);
      return items.length > 0 ? [{ type: 'list', ordered: value['type'] === 'orderedList', items }] : [];
    }
    case 'image': {
      const image = imageBlock(attrs);
      return image ? [image] : [];
    }
    case 'embed': {
      const url = stringAttr(attrs, 'url');
      return url ? [{ type: 'embed', url, title: stringAttr(attrs, 'title') }] : [];
    }
    case 'legacyHtml': {
      const html = typeof attrs['html'] === 'string' ? attrs['html'] : '';
      return html.trim() ? [{ type: 'html', html }] : [];
    }
    default: {
      // Anything else the editor might hold (a code block, a pasted oddity) keeps its words as a paragraph.
      const text = flatText(value, depth);
      return text ? [{ type: 'paragraph', text }] : [];
    }
  }
}

/** The body of an editor document. Unknown nodes keep their text as paragraphs; empty blocks are dropped. */
export function docToBlocks(doc: unknown): BodyBlock[] {
  if (!isRecord(doc)) return [];
  const blocks: BodyBlock[] = [];
  for (const child of childrenOf(doc)) blocks.push(...nodeToBlocks(child, 1));
  return blocks;
}
