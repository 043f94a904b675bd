/** @module RSS and Atom parser: reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds into WireItems, one per item or entry. */
import { decodeHTML } from 'entities';
import { wireAgencyName } from '../../core/wire/wire-agencies.js';
import { isReadableWireItem, uniqueSubjects, wireDate, type WireFormat, type WireItem, type WireParseOutcome, type WirePhoto, type WireSubject } from '../../core/wire/wire-item.js';
import { attrOf, childOf, childrenOf, childText, textOf, type XmlNode } from './safe-xml.js';
import { cleanOrNull, markupOfRaw, normaliseText, summaryFromBlocks, textOrHtmlToBody } from './wire-text.js';

export type FeedResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** Root element → feed format. */
export const FEED_ROOTS: Record<string, WireFormat> = { rss: 'rss', RDF: 'rss1', feed: 'atom' };
/** Elements kept as raw markup: they hold HTML (escaped, in CDATA or, in Atom, as XHTML). */
export const FEED_RAW_ELEMENTS: Record<WireFormat, string[]> = {
  rss: ['description', 'encoded'], rss1: ['description', 'encoded'], atom: ['content', 'summary'], ninjs: [], 'newsml-g2': [], nitf: [], 'text-capture': [],
};

interface Entry {
  id: string | null;
  title: string;
  link: string | null;
  html: string;
  summaryHtml: string | null;
  author: string | null;
  published: string | null;
  updated: string | null;
  language: string | null;
  subjects: WireSubject[];
  photos: WirePhoto[];
}

export function parseFeed(root: string, node: XmlNode): FeedResult {
  const format = FEED_ROOTS[root];
  if (!format) return { ok: false, error: `not a feed: root element <${root}>` };
  const channel = format === 'atom' ? node : childOf(node, 'channel');
  // A feed is its publisher's: the agency when its title or copyright names one ("Reuters: World News"), else the title.
  const agency = wireAgencyName([childText(channel, 'title'), childText(channel, 'copyright') ?? childText(channel, 'rights')]);
  const language = childText(channel, 'language') ?? attrOf(node, 'lang');
  const raw = format === 'rss' ? childrenOf(channel, 'item') : format === 'rss1' ? childrenOf(node, 'item') : childrenOf(node, 'entry');
  const entries = raw.map(format === 'atom' ? atomEntry : rssItem);
  const outcome: WireParseOutcome = { items: [], warnings: [] };
  entries.forEach((entry, i) => {
    const item = itemOf(format, entry, agency, language);
    if (isReadableWireItem(item) && item.headline !== '' && item.agencyId !== '') outcome.items.push(item);
    else outcome.warnings.push(`${format === 'atom' ? 'entry' : 'item'} ${i + 1} skipped: ${item.agencyId === '' ? 'no id or link' : 'no title and no text'}`);
  });
  if (outcome.items.length === 0) {
    return { ok: false, error: `no readable item: the feed has ${entries.length} ${format === 'atom' ? 'entries' : 'items'}${entries.length ? ', none with a title or text' : ''}` };
  }
  return { ok: true, ...outcome };
}

function itemOf(format: WireFormat, entry: Entry, agency: string | null, language: string | null): WireItem {
  const body = textOrHtmlToBody(entry.html);
  const summaryText = entry.summaryHtml ? summaryFromBlocks(textOrHtmlToBody(entry.summaryHtml).blocks) : null;
  let headline = plainTitle(entry.title);
  if (!headline) headline = summaryFromBlocks(body.blocks, 120) ?? '';
  return {
    format,
    agency,
    agencyId: entry.id ?? entry.link ?? '',
    version: 1,
    headline,
    slugline: null,
    dateline: null,
    byline: entry.author,
    creditline: null,
    language: entry.language ?? language,
    summary: summaryText,
    body: body.blocks,
    subjects: uniqueSubjects(entry.subjects),
    urgency: null,
    firstCreated: wireDate(entry.published ?? entry.updated),
    versionCreated: wireDate(entry.updated ?? entry.published),
    link: entry.link,
    photos: [...entry.photos, ...body.photos],
  };
}

function rssItem(item: XmlNode): Entry {
  const encoded = rawOf(childOf(item, 'encoded'));
  const description = rawOf(childOf(item, 'description'));
  return {
    id: childText(item, 'guid') ?? attrOf(item, 'about'),
    title: textOf(childOf(item, 'title')),
    link: childText(item, 'link'),
    html: encoded || description,
    summaryHtml: encoded ? description || null : null,
    author: childText(item, 'creator') ?? childText(item, 'author'),
    published: childText(item, 'pubDate') ?? childText(item, 'date'),
    updated: null,
    language: childText(item, 'language'),
    subjects: [...childrenOf(item, 'category'), ...childrenOf(item, 'subject')].flatMap((c) => named(textOf(c), attrOf(c, 'domain'))),
    // A media:group holds renditions of one picture: the largest stands for it.
    photos: [...[...childrenOf(item, 'enclosure'), ...childrenOf(item, 'content')].flatMap(mediaPhoto), ...largest(childrenOf(childOf(item, 'group'), 'content').flatMap(mediaPhoto))],
  };
}

function atomEntry(entry: XmlNode): Entry {
  const links = childrenOf(entry, 'link');
  const alternate = links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const content = rawOf(childOf(entry, 'content'));
  const summary = rawOf(childOf(entry, 'summary'));
  return {
    id: childText(entry, 'id'),
    title: textOf(childOf(entry, 'title')),
    link: attrOf(alternate, 'href'),
    html: content || summary,
    summaryHtml: content ? summary || null : null,
    author: cleanOrNull(childrenOf(entry, 'author').map((a) => childText(a, 'name') ?? '').filter(Boolean).join(', ')),
    published: childText(entry, 'published'),
    updated: childText(entry, 'updated'),
    language: attrOf(entry, 'lang'),
    subjects: childrenOf(entry, 'category').flatMap((c) => named(attrOf(c, 'label') ?? attrOf(c, 'term') ?? '', attrOf(c, 'scheme'))),
    photos: links.filter((l) => attrOf(l, 'rel') === 'enclosure').flatMap(mediaPhoto),
  };
}

function largest(photos: WirePhoto[]): WirePhoto[] {
  const best = [...photos].sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0))[0];
  return best ? [best] : [];
}

/** An enclosure, media:content or Atom enclosure link that is an image; a tracking pixel (at most 2×2) is not. */
function mediaPhoto(node: XmlNode): WirePhoto[] {
  const href = attrOf(node, 'url') ?? attrOf(node, 'href');
  const type = attrOf(node, 'type');
  const isImage = (type ?? '').startsWith('image/') || attrOf(node, 'medium') === 'image' || (!type && /\.(jpe?g|png|gif|webp)(\?|$)/i.test(href ?? ''));
  if (!href || !/^https?:/i.test(href) || !isImage) return [];
  const size = (name: string): number | null => {
    const n = Number(attrOf(node, name));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const width = size('width');
  const height = size('height');
  if (width !== null && height !== null && width <= 2 && height <= 2) return [];
  return [{ href, width, height, mimeType: type, caption: childText(node, 'description'), credit: childText(node, 'credit') }];
}

function named(name: string, scheme: string | null): WireSubject[] {
  const clean = normaliseText(name);
  return clean ? [{ name: clean, code: null, scheme }] : [];
}

function rawOf(node: XmlNode | null): string {
  if (!node) return '';
  const text = typeof node['#text'] === 'string' ? node['#text'] : '';
  return markupOfRaw(text + (typeof node['#cdata'] === 'string' ? `<![CDATA[${node['#cdata']}]]>` : ''));
}

/**
 * A title as plain text: some feeds put escaped HTML in titles, or escape references twice ("&amp;#x0024;4300"
 * arrives as "&#x0024;4300"): tags are dropped and what is left of the references decoded.
 */
function plainTitle(title: string): string {
  const text = title.replace(/<[^>]*>/g, ' ');
  return normaliseText(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.test(text) ? decodeHTML(text) : text);
}
