/**
 * @module Reads a WordPress eXtended RSS file (the file WordPress's exporter writes) as a stream of records with saxes:
 * the channel's site, authors, categories, tags and items, one at a time, whatever the file's size. No entity is
 * resolved beyond XML's five and character references: a DOCTYPE is skipped unread and an entity it would declare is
 * an error (saxes never expands a DTD). Broken XML ends the stream with a record naming its line; what came before stays.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface WxrItem {
  line: number;
  /** Text of the item's own elements by name (`title`, `wp:post_id`, `content:encoded` …); CDATA and text alike. */
  fields: Map<string, string>;
  /** `<category domain="category|post_tag" nicename="…">Name</category>` in order. */
  terms: { domain: string; nicename: string; name: string }[];
  /** `wp:postmeta` pairs (`_thumbnail_id`, `_wp_attachment_image_alt` …). */
  meta: Map<string, string>;
  comments: number;
}

export type WxrRecord =
  | { kind: 'site'; link: string; baseSiteUrl: string; wxrVersion: string }
  | { kind: 'author'; line: number; fields: Map<string, string> }
  | { kind: 'category' | 'tag' | 'term'; line: number; fields: Map<string, string> }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'broken'; line: number; message: string };

/** C0 controls other than tab, newline and carriage return are not XML 1.0 characters; WordPress exports carry them in pasted text. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const CHANNEL_FIELDS = new Set(['title', 'link', 'wp:base_site_url', 'wp:base_blog_url', 'wp:wxr_version']);
const GROUPS: Record<string, 'author' | 'category' | 'tag' | 'term'> = { 'wp:author': 'author', 'wp:category': 'category', 'wp:tag': 'tag', 'wp:term': 'term' };

/** Builds the parser's handlers; records go to `emit` in document order. */
function wxrHandlers(parser: SaxesParser, emit: (record: WxrRecord) => void): void {
  const stack: string[] = [];
  const channel = new Map<string, string>();
  let siteSent = false;
  let group: { kind: 'author' | 'category' | 'tag' | 'term'; line: number; fields: Map<string, string> } | null = null;
  let item: WxrItem | null = null;
  let meta: { key: string; value: string } | null = null;
  let term: { domain: string; nicename: string } | null = null;
  let text: string | null = null;

  const sendSite = (): void => {
    if (siteSent) return;
    siteSent = true;
    emit({ kind: 'site', link: channel.get('link') ?? '', baseSiteUrl: channel.get('wp:base_site_url') ?? channel.get('link') ?? '', wxrVersion: channel.get('wp:wxr_version') ?? '' });
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const depth = stack.length; // 0 rss, 1 channel, 2 channel child, 3 its child, 4 …
    stack.push(tag.name);
    if (depth === 2 && tag.name === 'item') {
      sendSite();
      item = { line: parser.line, fields: new Map(), terms: [], meta: new Map(), comments: 0 };
    } else if (depth === 2 && GROUPS[tag.name]) {
      group = { kind: GROUPS[tag.name]!, line: parser.line, fields: new Map() };
    } else if (depth === 2 && CHANNEL_FIELDS.has(tag.name)) {
      text = '';
    } else if (depth === 3 && group) {
      text = '';
    } else if (depth === 3 && item) {
      if (tag.name === 'wp:comment') item.comments++;
      else if (tag.name === 'wp:postmeta') meta = { key: '', value: '' };
      else {
        if (tag.name === 'category') term = { domain: tag.attributes['domain'] ?? '', nicename: tag.attributes['nicename'] ?? '' };
        text = '';
      }
    } else if (depth === 4 && meta && (tag.name === 'wp:meta_key' || tag.name === 'wp:meta_value')) {
      text = '';
    }
  });
  const append = (chunk: string): void => {
    if (text !== null) text += chunk;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    stack.pop();
    const depth = stack.length;
    const value = text;
    text = null;
    if (depth === 2 && tag.name === 'item' && item) {
      emit({ kind: 'item', item });
      item = null;
    } else if (depth === 2 && group) {
      emit(group);
      group = null;
    } else if (depth === 2 && value !== null) {
      channel.set(tag.name, value.trim());
    } else if (depth === 3 && group && value !== null) {
      group.fields.set(tag.name, value.trim());
    } else if (depth === 3 && item && tag.name === 'wp:postmeta' && meta) {
      item.meta.set(meta.key, meta.value);
      meta = null;
    } else if (depth === 3 && item && tag.name === 'category' && term && value !== null) {
      item.terms.push({ ...term, name: value.trim() });
      term = null;
    } else if (depth === 3 && item && value !== null) {
      item.fields.set(tag.name, value);
    } else if (depth === 4 && meta && value !== null) {
      if (tag.name === 'wp:meta_key') meta.key = value.trim();
      else meta.value = value;
    }
  });
  parser.on('end', sendSite);
}

/** The file's records in order; read in chunks, so memory holds one item at a time (and the records not yet taken). */
export async function* readWxr(file: string): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ position: true });
  const queue: WxrRecord[] = [];
  wxrHandlers(parser, (record) => queue.push(record));
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
      parser.write((chunk as string).replace(NOT_XML_CHARACTERS, ''));
      yield* queue.splice(0);
    }
    parser.close();
  } catch (error) {
    // A file that cannot be read is the command's problem, not a line of the export.
    if (typeof error === 'object' && error !== null && 'code' in error) throw error;
    yield* queue.splice(0);
    const message = (error as Error).message.replace(/^\d+:\d+:\s*/, '');
    yield { kind: 'broken', line: parser.line, message: `the file is not well-formed XML from here on: ${message}` };
    return;
  }
  yield* queue.splice(0);
}
