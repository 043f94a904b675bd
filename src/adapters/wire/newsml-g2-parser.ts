/** @module NewsML-G2 parser: reads news items (alone or in a News Message) with NITF, XHTML or plain bodies and photo renditions into WireItems. */
import type { BodyBlock } from '../../core/articles/article.js';
import { isReadableWireItem, uniqueSubjects, wireDate, wireUrgency, wireVersion, type WireItem, type WireParseOutcome, type WirePhoto, type WireSubject } from '../../core/wire/wire-item.js';
import { envelopeWarnings } from './newsml-g2-envelope.js';
import { attrOf, childOf, childrenOf, childText, textOf, type XmlNode } from './safe-xml.js';
import { htmlToBodyBlocks } from './wire-html-blocks.js';
import { cleanOrNull, markupOfRaw, plainTextToBlocks } from './wire-text.js';

export type NewsMlResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** Root elements that are whole NewsML-G2 documents; any other NewsML-G2 element at the root is a fragment. */
export const NEWSML_G2_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem']);
/** Elements kept as raw markup by the XML parser: their content is NITF or XHTML. */
export const NEWSML_G2_RAW_ELEMENTS = ['inlineXML'];
/** Parts of an item that are sometimes sent (or shown in the specification) on their own. */
export const NEWSML_G2_PARTS = new Set(['contentSet', 'contentMeta', 'itemMeta', 'inlineXML', 'remoteContent', 'rightsInfo', 'itemSet', 'header', 'groupSet', 'nitf']);

export function parseNewsMlG2(root: string, node: XmlNode): NewsMlResult {
  if (root === 'packageItem') return { ok: false, error: 'a NewsML-G2 package item only refers to other items; it carries no story of its own' };
  const warnings = envelopeWarnings(root, node);
  const newsItems = root === 'newsItem' ? [node] : childrenOf(childOf(node, 'itemSet'), 'newsItem');
  const packages = root === 'newsMessage' ? childrenOf(childOf(node, 'itemSet'), 'packageItem').length : 0;
  if (packages > 0) warnings.push(`${packages} package item(s) skipped: a package only refers to items, which are read on their own`);
  const items: WireItem[] = [];
  newsItems.forEach((newsItem, i) => {
    const item = itemOf(newsItem, warnings);
    const guid = attrOf(newsItem, 'guid') ?? `item ${i + 1}`;
    if (isReadableWireItem(item) && item.headline !== '') items.push(item);
    else warnings.push(`news item ${guid} skipped: no headline and no body`);
  });
  if (items.length === 0) {
    const what = root === 'newsMessage' ? `news message with ${newsItems.length} news item(s), none readable` : 'news item';
    return { ok: false, error: `no readable news item: ${what} (no headline and no body)` };
  }
  return { ok: true, items, warnings };
}

function itemOf(newsItem: XmlNode, warnings: string[]): WireItem {
  const itemMeta = childOf(newsItem, 'itemMeta');
  const contentMeta = childOf(newsItem, 'contentMeta');
  const itemClass = attrOf(childOf(itemMeta, 'itemClass'), 'qcode') ?? '';
  const content = contentOf(childOf(newsItem, 'contentSet'), warnings);
  const caption = description(contentMeta, 'caption');
  const creditline = childText(contentMeta, 'creditline');
  const byline = childText(contentMeta, 'by') ?? content.byline ?? cleanOrNull(childrenOf(contentMeta, 'creator').map(nameOf).filter(Boolean).join(', '));
  const isPhoto = /picture|graphic/.test(itemClass);
  const photo = isPhoto ? bestRendition(content.renditions, caption ?? description(contentMeta, null), creditline ?? byline) : null;
  return {
    format: 'newsml-g2',
    agency: nameOf(childOf(itemMeta, 'provider')) || nameOf(childOf(contentMeta, 'infoSource')) || null,
    agencyId: attrOf(newsItem, 'guid') ?? '',
    version: wireVersion(attrOf(newsItem, 'version')),
    headline: childText(contentMeta, 'headline') ?? '',
    slugline: childText(contentMeta, 'slugline'),
    dateline: childText(contentMeta, 'dateline') ?? content.dateline ?? locatedOf(childOf(contentMeta, 'located')),
    byline,
    creditline,
    language: attrOf(childOf(contentMeta, 'language'), 'tag') ?? attrOf(newsItem, 'lang'),
    summary: description(contentMeta, 'summary') ?? (isPhoto ? null : description(contentMeta, null)),
    body: content.blocks,
    subjects: uniqueSubjects([...childrenOf(contentMeta, 'subject'), ...childrenOf(contentMeta, 'genre')].flatMap(subjectOf)),
    urgency: wireUrgency(textOf(childOf(contentMeta, 'urgency'))),
    firstCreated: wireDate(childText(itemMeta, 'firstCreated') ?? childText(contentMeta, 'contentCreated')),
    versionCreated: wireDate(childText(itemMeta, 'versionCreated')),
    link: null,
    photos: [...(photo ? [photo] : []), ...content.photos],
  };
}

interface Rendition { href: string; width: number | null; height: number | null; mimeType: string | null }
interface Content { blocks: BodyBlock[]; photos: WirePhoto[]; renditions: Rendition[]; byline: string | null; dateline: string | null }

function contentOf(contentSet: XmlNode | null, warnings: string[]): Content {
  const content: Content = { blocks: [], photos: [], renditions: [], byline: null, dateline: null };
  for (const inline of childrenOf(contentSet, 'inlineXML')) {
    if (content.blocks.length > 0) break;
    const markup = markupOfRaw(typeof inline['#text'] === 'string' ? inline['#text'] : '');
    const nitf = /nitf/i.test(attrOf(inline, 'contenttype') ?? '') || /<nitf[\s>]/.test(markup);
    const body = htmlToBodyBlocks(markup, { nitf, xml: true });
    warnings.push(...body.warnings);
    Object.assign(content, { blocks: body.blocks, photos: body.photos, byline: body.byline ?? null, dateline: body.dateline ?? null });
  }
  const inlineData = childOf(contentSet, 'inlineData');
  if (content.blocks.length === 0 && inlineData) content.blocks = plainTextToBlocks(String(inlineData['#text'] ?? ''));
  for (const remote of childrenOf(contentSet, 'remoteContent')) {
    const href = attrOf(remote, 'href') ?? attrOf(remote, 'residref');
    // Relative hrefs name a file delivered beside the item; other schemes (file:, data:) are refused.
    if (!href || !(/^https?:/i.test(href) || !/^[a-z][a-z0-9+.-]*:/i.test(href))) continue;
    content.renditions.push({ href, width: int(attrOf(remote, 'width')), height: int(attrOf(remote, 'height')), mimeType: attrOf(remote, 'contenttype') });
  }
  return content;
}

/** The largest rendition of a photo item; its other renditions are smaller copies of the same photo. */
function bestRendition(renditions: Rendition[], caption: string | null, credit: string | null): WirePhoto | null {
  const best = [...renditions].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  return best ? { ...best, caption, credit } : null;
}

function description(contentMeta: XmlNode | null, role: string | null): string | null {
  const all = childrenOf(contentMeta, 'description');
  const found = role === null ? all[0] : all.find((d) => (attrOf(d, 'role') ?? '').endsWith(`:${role}`));
  return found ? cleanOrNull(textOf(found)) : null;
}

/** A name element (first one, usually the default language), else the literal, else the qcode without its scheme. */
function nameOf(node: XmlNode | null): string {
  if (!node) return '';
  return childText(node, 'name') ?? attrOf(node, 'literal') ?? attrOf(node, 'qcode')?.replace(/^[^:]*:/, '') ?? '';
}

/** "Berlin, Berlin, Germany" from located and its broader places, repeats dropped. */
function locatedOf(located: XmlNode | null): string | null {
  if (!located) return null;
  const names = [nameOf(located), ...childrenOf(located, 'broader').map(nameOf)].filter((n) => n !== '');
  return cleanOrNull([...new Set(names)].join(', '));
}

function subjectOf(subject: XmlNode): WireSubject[] {
  const qcode = attrOf(subject, 'qcode') ?? attrOf(subject, 'literal');
  const name = childText(subject, 'name') ?? qcode;
  if (!name) return [];
  const colon = qcode?.indexOf(':') ?? -1;
  return [{ name, code: qcode && colon > 0 ? qcode.slice(colon + 1) : qcode ?? null, scheme: qcode && colon > 0 ? qcode.slice(0, colon) : null }];
}

function int(raw: string | null): number | null {
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}
