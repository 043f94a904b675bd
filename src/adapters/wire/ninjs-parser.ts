/** @module ninjs parser: reads IPTC ninjs 1.x, 2.x and 3.x documents (one item, or an array of items) into WireItems. */
import type { BodyBlock } from '../../core/articles/article.js';
import { wireAgencyName, wireAgencyZone } from '../../core/wire/wire-agencies.js';
import { wireTime } from '../../core/wire/wire-time.js';
import { isReadableWireItem, uniqueSubjects, wireUrgency, wireVersion, type WireItem, type WireParseOutcome, type WirePhoto, type WireSubject } from '../../core/wire/wire-item.js';
import { lowerCaseKeys, ninjsItemSchema, type NinjsAssociation, type NinjsItem, type NinjsNamed } from './ninjs-schema.js';
import { htmlToBodyBlocks } from './wire-html-blocks.js';
import { cleanOrNull, normaliseText, plainTextToBlocks, summaryFromBlocks } from './wire-text.js';

export type NinjsResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** True when a parsed JSON value looks like ninjs: an object (or array of objects) with a `uri` (or, in the `guid` dialect, a `guid`). */
export function isNinjs(json: unknown): boolean {
  const first = Array.isArray(json) ? json[0] : json;
  if (typeof first !== 'object' || first === null) return false;
  const doc = first as Record<string, unknown>;
  return typeof doc['uri'] === 'string' || typeof doc['guid'] === 'string';
}

export function parseNinjs(json: unknown): NinjsResult {
  if (!isNinjs(json)) return { ok: false, error: 'JSON document is not ninjs: no "uri" or "guid" (a ninjs item is an object with uri, headline and body)' };
  const docs = Array.isArray(json) ? json : [json];
  const outcome: WireParseOutcome = { items: [], warnings: [] };
  docs.forEach((doc, i) => {
    const parsed = ninjsItemSchema.safeParse(lowerCaseKeys(doc));
    const where = docs.length > 1 ? `item ${i + 1}` : 'item';
    if (!parsed.success) {
      outcome.warnings.push(`${where} skipped: not a ninjs item (no uri or guid)`);
      return;
    }
    const item = itemOf(parsed.data, outcome.warnings);
    if (isReadableWireItem(item) && item.headline !== '') outcome.items.push(item);
    else outcome.warnings.push(`${where} ${item.agencyId} skipped: no headline and no body`);
  });
  if (outcome.items.length === 0) return { ok: false, error: `no readable ninjs item (${outcome.warnings.join('; ')})` };
  return { ok: true, ...outcome };
}

function itemOf(doc: NinjsItem, warnings: string[]): WireItem {
  const id = doc.uri ?? doc.guid ?? '';
  const body = bodyOf(doc, id, warnings);
  const summary = cleanOrNull(described(doc, ['summary', 'lead', 'abstract', 'text', 'caption', 'description']) ?? doc.description_text ?? null);
  let headline = cleanOrNull(doc.headlines?.find((h) => h.role === 'main')?.value ?? doc.headlines?.[0]?.value ?? doc.headline ?? doc.title ?? null);
  if (!headline) {
    headline = summaryFromBlocks(body.blocks, 120) ?? (summary ? summary.slice(0, 120) : null);
    if (headline) warnings.push(`${id}: no headline; the first words of the text stand in`);
  }
  const isPhoto = doc.type === 'picture' || doc.type === 'graphic';
  const creditline = cleanOrNull(described(doc, ['creditline', 'credit']));
  const byline = cleanOrNull(doc.by ?? doc.byline ?? null);
  const ownPhoto = isPhoto ? photoOf(doc, summary, creditline ?? byline) : null;
  const agency = wireAgencyName([doc.copyrightholder, doc.source, ...(doc.infosources ?? []).map((s) => s.name), creditline, hostOf(id)]);
  const zone = wireAgencyZone(agency);
  const time = (raw: string | undefined): Date | null => {
    const read = wireTime(raw, zone);
    if (read?.assumedUtc) warnings.push(`${id}: time ${raw} has no zone and the agency's is not known; read as UTC`);
    return read?.at ?? null;
  };
  return {
    format: 'ninjs',
    agency,
    agencyId: id,
    version: wireVersion(doc.version),
    headline: headline ?? '',
    slugline: cleanOrNull(doc.slugline),
    dateline: cleanOrNull(doc.located),
    byline,
    creditline,
    language: cleanOrNull(doc.language),
    summary,
    body: body.blocks,
    subjects: uniqueSubjects([doc.subject, doc.subjects, doc.genres, doc.place, doc.places, doc.person, doc.people, doc.organisation, doc.organisations].flatMap((list) => (list ?? []).flatMap(subjectOf))),
    urgency: wireUrgency(doc.urgency),
    firstCreated: time(doc.firstcreated ?? doc.contentcreated),
    versionCreated: time(doc.versioncreated),
    link: null,
    photos: [...(ownPhoto ? [ownPhoto] : []), ...body.photos, ...(doc.associations ?? []).flatMap((a) => associatedPhoto(a) ?? [])],
  };
}

/** The richest body: HTML or XHTML first, then NITF, then plain text. */
/** The web site an http(s) id belongs to ("futurezone.de"): the publisher when nothing else names one. */
function hostOf(id: string): string | null {
  const host = /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(id)?.[1];
  return host ?? null;
}

function bodyOf(doc: NinjsItem, id: string, warnings: string[]): { blocks: BodyBlock[]; photos: WirePhoto[] } {
  const bodies = doc.bodies ?? [];
  const html = bodies.find((b) => /html/i.test(`${b.role ?? ''} ${b.contenttype ?? ''}`))?.value ?? doc.body_xhtml ?? doc.body_html;
  if (html) return withWarnings(htmlToBodyBlocks(html), warnings, id);
  const nitf = bodies.find((b) => /nitf/i.test(`${b.role ?? ''} ${b.contenttype ?? ''}`))?.value;
  if (nitf) return withWarnings(htmlToBodyBlocks(nitf.replace(/^\s*<\?xml[^>]*\?>/, ''), { nitf: true }), warnings, id);
  const text = bodies.find((b) => b.value.trim() !== '')?.value ?? doc.body_text;
  return { blocks: text ? plainTextToBlocks(text) : [], photos: [] };
}

function withWarnings(body: ReturnType<typeof htmlToBodyBlocks>, warnings: string[], uri: string) {
  warnings.push(...body.warnings.map((w) => `${uri}: ${w}`));
  return body;
}

function described(doc: NinjsAssociation, roles: string[]): string | undefined {
  const list = doc.descriptions ?? [];
  for (const role of roles) {
    const found = list.find((d) => (d.role ?? 'text').toLowerCase() === role && d.value.trim() !== '');
    if (found) return found.value;
  }
  return undefined;
}

function subjectOf(s: NinjsNamed): WireSubject[] {
  const name = cleanOrNull(s.name ?? s.title ?? s.literal ?? null);
  if (!name) return [];
  return [{ name, code: s.code ?? s.literal ?? s.uri ?? null, scheme: s.scheme ?? (s.uri ? s.uri.replace(/[^/]*$/, '') : null) }];
}

/** The largest image rendition of an item; null when it has none. */
function photoOf(doc: NinjsAssociation, caption: string | null, credit: string | null): WirePhoto | null {
  const images = (doc.renditions ?? [])
    .filter((r) => r.href && (/^image\//i.test(r.mimetype ?? r.contenttype ?? '') || /\.(jpe?g|png|gif|webp)(\?|$)/i.test(r.href)))
    .map((r) => ({ href: r.href!, width: dimension(r.width), height: dimension(r.height), mimeType: r.mimetype ?? r.contenttype ?? null }))
    .sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  const best = images[0];
  return best ? { ...best, caption, credit } : null;
}

function associatedPhoto(a: NinjsAssociation): WirePhoto | null {
  const caption = cleanOrNull(described(a, ['caption', 'text', 'description']) ?? a.description_text ?? a.headline ?? null);
  return photoOf(a, caption, cleanOrNull(described(a, ['creditline']) ?? a.by ?? a.byline ?? null));
}

function dimension(raw: string | number | undefined): number | null {
  const n = typeof raw === 'number' ? raw : raw ? Number(normaliseText(raw)) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}
