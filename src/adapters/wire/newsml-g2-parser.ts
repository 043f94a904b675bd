/** @module NewsML-G2 parser: reads news items (alone or in a News Message) with NITF, XHTML or plain bodies and photo renditions into WireItems. */
import type { BodyBlock } from '../../core/articles/article.js';
import { wireAgencyName, wireAgencyZone } from '../../core/wire/wire-agencies.js';
import { isReadableWireItem, uniqueSubjects, wireUrgency, wireVersion, type WireItem, type WireParseOutcome, type WirePhoto, type WireSubject } from '../../core/wire/wire-item.js';
import { wireTime } from '../../core/wire/wire-time.js';
import { envelopeWarnings } from './newsml-g2-envelope.js';
import { attrOf, childOf, childrenOf, childText, textOf, type XmlNode } from './safe-xml.js';
import { htmlToBodyBlocks } from './wire-html-blocks.js';
import { cleanOrNull, headlineFromBlocks, markupOfRaw, plainTextToBlocks, readableName, wireDateline } from './wire-text.js';

export type NewsMlResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** Root elements that are whole NewsML-G2 documents; any other NewsML-G2 element at the root is a fragment. */
export const NEWSML_G2_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);
/** Elements kept as raw markup by the XML parser: their content is NITF or XHTML. */
export const NEWSML_G2_RAW_ELEMENTS = ['inlineXML'];
/** NewsML-G2 items that are not news, and what they are. */
const NOT_NEWS: Record<string, string> = {
  conceptItem: 'a NewsML-G2 concept item (a definition of a person, place, subject or event), not news',
  knowledgeItem: 'a NewsML-G2 knowledge item (a set of concept definitions), not news',
  planningItem: 'a NewsML-G2 planning item (coverage the agency plans), not news',
  catalogItem: 'a NewsML-G2 catalog item (a list of code schemes), not news',
};
/** Parts of an item that are sometimes sent (or shown in the specification) on their own. */
export const NEWSML_G2_PARTS = new Set(['contentSet', 'contentMeta', 'itemMeta', 'inlineXML', 'remoteContent', 'rightsInfo', 'itemSet', 'header', 'groupSet']);

export function parseNewsMlG2(root: string, node: XmlNode): NewsMlResult {
  if (root === 'packageItem') return { ok: false, error: 'a NewsML-G2 package with no news items: a package item only refers to other items, which are sent on their own' };
  const notNews = NOT_NEWS[root];
  if (notNews) return { ok: false, error: notNews };
  const warnings = envelopeWarnings(root, node);
  const itemSet = childOf(node, 'itemSet');
  const newsItems = root === 'newsItem' ? [node] : childrenOf(itemSet, 'newsItem');
  const others = root === 'newsMessage' ? otherItems(itemSet) : [];
  if (root === 'newsMessage' && newsItems.length === 0) {
    return { ok: false, error: `a NewsML-G2 news message with no news items${others.length ? ` (it holds ${others.join(', ')})` : ''}` };
  }
  if (others.length > 0) warnings.push(`${others.join(', ')} skipped: only news items carry stories`);
  const sender = childText(childOf(node, 'header'), 'sender');
  const items: WireItem[] = [];
  newsItems.forEach((newsItem, i) => {
    const guid = attrOf(newsItem, 'guid') ?? `item ${i + 1}`;
    const itemClass = attrOf(childOf(childOf(newsItem, 'itemMeta'), 'itemClass'), 'qcode') ?? '';
    const item = itemOf(newsItem, sender, warnings);
    if (isReadableWireItem(item) && item.headline !== '') items.push(item);
    else warnings.push(`news item ${guid} skipped: ${/video|audio|graphic|picture/.test(itemClass) ? `a ${itemClass.replace(/^[^:]*:/, '')} item with no headline or caption` : 'no headline and no body'}`);
  });
  if (items.length === 0) {
    const what = root === 'newsMessage' ? `news message with ${newsItems.length} news item(s), none readable` : 'news item';
    return { ok: false, error: `no readable news item: ${what} (no headline and no body)` };
  }
  return { ok: true, items, warnings };
}

/** "2 package item(s), 1 concept item(s)": what else a message holds. */
function otherItems(itemSet: XmlNode | null): string[] {
  return ['packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']
    .map((name) => [name, childrenOf(itemSet, name).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name.replace('Item', ' item')}(s)`);
}

function itemOf(newsItem: XmlNode, sender: string | null, warnings: string[]): WireItem {
  const itemMeta = childOf(newsItem, 'itemMeta');
  const contentMeta = childOf(newsItem, 'contentMeta');
  const rightsInfo = childOf(newsItem, 'rightsInfo');
  const itemClass = attrOf(childOf(itemMeta, 'itemClass'), 'qcode') ?? '';
  const guid = attrOf(newsItem, 'guid') ?? '';
  const content = contentOf(childOf(newsItem, 'contentSet'), warnings);
  const caption = description(contentMeta, 'caption');
  const creditline = childText(contentMeta, 'creditline');
  const infoSources = childrenOf(contentMeta, 'infoSource');
  const agency = wireAgencyName([
    nameOf(childOf(itemMeta, 'provider')), nameOf(childOf(rightsInfo, 'copyrightHolder')), creditline,
    ...infoSources.map(nameOf), content.credit, guid, sender,
  ]);
  // A creator is a byline only when it reads as a person's name: not a login ("degenhardt.sandra") or initials ("VRG").
  const creators = childrenOf(contentMeta, 'creator').map(nameOf).filter((name) => /\p{L}\s+\p{L}/u.test(name) && !/[._@]/.test(name));
  const byline = childText(contentMeta, 'by') ?? content.byline ?? cleanOrNull(creators.join(', '));
  const isPhoto = /picture|graphic/.test(itemClass);
  const photo = isPhoto ? bestRendition(content.renditions, caption ?? description(contentMeta, null), creditline ?? byline) : null;
  const headlines = childrenOf(contentMeta, 'headline');
  const main = headlines.find((h) => !/sub|short|alt/i.test(attrOf(h, 'role') ?? '')) ?? null;
  const subHeadline = headlines.find((h) => /sub/i.test(attrOf(h, 'role') ?? '')) ?? null;
  const headline = cleanOrNull(textOf(main)) ?? content.headline ?? headlineFromBlocks(content.blocks);
  if (!cleanOrNull(textOf(main)) && headline) warnings.push(`news item ${guid}: no headline; ${content.headline ? 'the body\'s own headline' : 'the first line of the text'} stands in`);
  const zone = wireAgencyZone(agency);
  const time = (raw: string | null): Date | null => {
    const read = wireTime(raw, zone);
    if (read?.assumedUtc) warnings.push(`news item ${guid}: time ${raw} has no zone and the agency's is not known; read as UTC`);
    return read?.at ?? null;
  };
  return {
    format: 'newsml-g2',
    agency,
    agencyId: guid,
    version: wireVersion(attrOf(newsItem, 'version')),
    headline: headline ?? '',
    slugline: childText(contentMeta, 'slugline'),
    dateline: wireDateline(childText(contentMeta, 'dateline')) ?? wireDateline(content.dateline) ?? locatedOf(childOf(contentMeta, 'located') ?? childOf(itemMeta, 'located'), newsItem),
    byline,
    creditline,
    language: attrOf(childOf(contentMeta, 'language'), 'tag') ?? attrOf(newsItem, 'lang'),
    summary: description(contentMeta, 'summary') ?? (isPhoto ? null : description(contentMeta, 'text')) ?? cleanOrNull(textOf(subHeadline)) ?? content.standfirst,
    body: content.blocks,
    subjects: uniqueSubjects([...childrenOf(contentMeta, 'subject'), ...childrenOf(contentMeta, 'genre')].flatMap((s) => subjectOf(s, newsItem))),
    urgency: wireUrgency(textOf(childOf(contentMeta, 'urgency'))),
    firstCreated: time(childText(itemMeta, 'firstCreated') ?? childText(contentMeta, 'contentCreated')),
    versionCreated: time(childText(itemMeta, 'versionCreated')),
    link: null,
    photos: [...(photo ? [photo] : []), ...content.photos],
  };
}

interface Rendition { href: string; width: number | null; height: number | null; mimeType: string | null }
interface Content {
  blocks: BodyBlock[]; photos: WirePhoto[]; renditions: Rendition[];
  byline: string | null; dateline: string | null; headline: string | null; standfirst: string | null; credit: string | null;
}

function contentOf(contentSet: XmlNode | null, warnings: string[]): Content {
  const content: Content = { blocks: [], photos: [], renditions: [], byline: null, dateline: null, headline: null, standfirst: null, credit: null };
  for (const inline of childrenOf(contentSet, 'inlineXML')) {
    if (content.blocks.length > 0) break;
    const markup = markupOfRaw(typeof inline['#text'] === 'string' ? inline['#text'] : '');
    const nitf = /nitf/i.test(attrOf(inline, 'contenttype') ?? '') || /<nitf[\s>]/.test(markup);
    const body = htmlToBodyBlocks(markup, { nitf, xml: true });
    warnings.push(...body.warnings);
    Object.assign(content, {
      blocks: body.blocks, photos: body.photos, byline: body.byline ?? null, dateline: body.dateline ?? null,
      headline: body.headline ?? null, standfirst: body.standfirst ?? null, credit: body.credit ?? null,
    });
  }
  for (const inlineData of childrenOf(contentSet, 'inlineData')) {
    if (content.blocks.length > 0) break;
    // The text may be CDATA, escaped text or both; text/html (or text that is markup) is read as HTML.
    const text = `${typeof inlineData['#text'] === 'string' ? inlineData['#text'] : ''}${cdataOf(inlineData['#cdata'])}`;
    const type = attrOf(inlineData, 'contenttype') ?? 'text/plain';
    if (/html|xml/i.test(type)) {
      const body = htmlToBodyBlocks(markupOfRaw(text));
      warnings.push(...body.warnings);
      Object.assign(content, { blocks: body.blocks, photos: body.photos });
    } else {
      content.blocks = plainTextToBlocks(text);
    }
  }
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

/** A description by role; `'text'`: one with no role or a role other than caption (a caption describes a picture). */
function description(contentMeta: XmlNode | null, role: string | null): string | null {
  const all = childrenOf(contentMeta, 'description');
  const found = role === null ? all[0] : role === 'text' ? all.find((d) => !/:caption$/.test(attrOf(d, 'role') ?? '')) : all.find((d) => (attrOf(d, 'role') ?? '').endsWith(`:${role}`));
  return found ? cleanOrNull(textOf(found)) : null;
}

/** A name element (first one, usually the default language), else the literal, else the qcode without its scheme. */
function nameOf(node: XmlNode | null): string {
  if (!node) return '';
  return childText(node, 'name') ?? attrOf(node, 'literal') ?? attrOf(node, 'qcode')?.replace(/^[^:]*:/, '') ?? '';
}

function cdataOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.map(String).join('') : String(value);
}

/** "Berlin, Berlin, Germany" from located and its broader places, repeats dropped; codes never shown. */
function locatedOf(located: XmlNode | null, item: XmlNode): string | null {
  if (!located) return null;
  const names = [placeName(located, item), ...childrenOf(located, 'broader').map((b) => placeName(b, item))].filter((n) => n !== '');
  return cleanOrNull([...new Set(names)].join(', '));
}

/**
 * A place's name: its own `name`, the literal, the name the item itself gives that code in an `assert`
 * (STT sends `sttlocationalias:20016` and asserts `sttlocmeta:rich:20016` named "Myanmar"), or a code that reads
 * as a name ("city:Moscow"). '' when only an unreadable code is left: a QCode is never shown as a place.
 */
function placeName(node: XmlNode, item: XmlNode): string {
  const own = childText(node, 'name') ?? attrOf(node, 'literal');
  if (own) return own;
  const qcode = attrOf(node, 'qcode');
  if (!qcode) return '';
  return assertedName(item, qcode) ?? readableName(qcode.replace(/^[^:]*:/, '')) ?? '';
}

function assertedName(item: XmlNode, qcode: string): string | null {
  const asserts = childrenOf(item, 'assert');
  const exact = asserts.find((a) => attrOf(a, 'qcode') === qcode);
  const id = qcode.replace(/^.*:/, '');
  const sameId = /^\d+$/.test(id) ? asserts.find((a) => (attrOf(a, 'qcode') ?? '').endsWith(`:${id}`)) : undefined;
  return childText(exact ?? sameId, 'name');
}

function subjectOf(subject: XmlNode, item: XmlNode): WireSubject[] {
  const qcode = attrOf(subject, 'qcode') ?? attrOf(subject, 'literal');
  const name = childText(subject, 'name') ?? (qcode ? assertedName(item, qcode) ?? (attrOf(subject, 'qcode') ? null : qcode) : null);
  if (!name) return [];
  const colon = qcode?.indexOf(':') ?? -1;
  return [{ name, code: qcode && colon > 0 ? qcode.slice(colon + 1) : qcode ?? null, scheme: qcode && colon > 0 ? qcode.slice(0, colon) : null }];
}

function int(raw: string | null): number | null {
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}
