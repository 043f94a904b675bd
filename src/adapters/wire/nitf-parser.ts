/** @module NITF parser: reads a standalone NITF 3.x document (AP, AAP, EFE, PA, NTB …) into one WireItem. */
import { wireAgencyName, wireAgencyZone } from '../../core/wire/wire-agencies.js';
import { isReadableWireItem, uniqueSubjects, wireUrgency, wireVersion, type WireItem, type WireParseOutcome, type WireSubject } from '../../core/wire/wire-item.js';
import { wireTime } from '../../core/wire/wire-time.js';
import { attrOf, childOf, childrenOf, childText, type XmlNode } from './safe-xml.js';
import { htmlToBodyBlocks } from './wire-html-blocks.js';
import { cleanOrNull, headlineFromBlocks, markupOfRaw, wireDateline } from './wire-text.js';

export type NitfResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** The body is kept as markup: it is read by the same converter as NITF inside NewsML-G2. */
export const NITF_RAW_ELEMENTS = ['body'];
/** `<meta name="…">` that name where the copy came from (AAP `aap-source`, PA `optInfo`, NTB `NTBKilde`). */
const SOURCE_META = /source|provider|agency|kilde|optinfo|credit/i;

export function parseNitf(nitf: XmlNode): NitfResult {
  const head = childOf(nitf, 'head');
  const docdata = childOf(head, 'docdata');
  const warnings: string[] = [];
  const markup = markupOfRaw(typeof childOf(nitf, 'body')?.['#text'] === 'string' ? (childOf(nitf, 'body')!['#text'] as string) : '');
  const body = htmlToBodyBlocks(`<body>${markup}</body>`, { nitf: true, xml: true });
  warnings.push(...body.warnings);
  const metas = new Map(childrenOf(head, 'meta').map((m) => [attrOf(m, 'name') ?? '', attrOf(m, 'content')] as const));
  const docId = childOf(docdata, 'doc-id');
  const copyright = childOf(docdata, 'doc.copyright');
  const agency = wireAgencyName([
    attrOf(copyright, 'holder'), body.credit, attrOf(childOf(childOf(docdata, 'del-list'), 'from-src'), 'src-name'),
    attrOf(docId, 'regsrc'), ...[...metas].filter(([name]) => SOURCE_META.test(name)).map(([, content]) => content),
  ]);
  const title = childText(head, 'title');
  const headline = body.headline ?? title ?? headlineFromBlocks(body.blocks);
  if (!body.headline && !title && headline) warnings.push('NITF without a headline: the first line of the text stands in');
  const zone = wireAgencyZone(agency);
  const time = (raw: string | null): Date | null => {
    const read = wireTime(raw, zone);
    if (read?.assumedUtc) warnings.push(`time ${raw} has no zone and the agency's is not known; read as UTC`);
    return read?.at ?? null;
  };
  const issued = attrOf(childOf(docdata, 'date.issue'), 'norm');
  const duKey = childOf(docdata, 'du-key');
  const id = metas.get('NTBID') ?? attrOf(docId, 'id-string') ?? attrOf(duKey, 'key') ?? (headline ? `nitf:${agency ?? 'unknown'}:${issued ?? ''}:${headline}` : '');
  const item: WireItem = {
    format: 'nitf',
    agency,
    agencyId: id,
    version: wireVersion(attrOf(duKey, 'version')),
    headline: cleanOrNull(headline) ?? '',
    slugline: attrOf(childOf(childOf(docdata, 'key-list'), 'keyword'), 'key') ?? cleanOrNull(metas.get('anpa-keyword')),
    dateline: wireDateline(body.dateline),
    byline: body.byline ?? null,
    creditline: null,
    language: attrOf(nitf, 'baselang') ?? attrOf(nitf, 'lang'),
    summary: body.standfirst ?? null,
    body: body.blocks,
    subjects: uniqueSubjects(childrenOf(childOf(head, 'tobject'), 'tobject.subject').flatMap(subjectOf)),
    urgency: wireUrgency(attrOf(childOf(docdata, 'urgency'), 'ed-urg')),
    firstCreated: time(issued),
    versionCreated: time(attrOf(childOf(docdata, 'date.release'), 'norm') ?? issued),
    link: null,
    photos: body.photos,
  };
  if (!isReadableWireItem(item) || item.headline === '') return { ok: false, error: 'NITF without a headline or body' };
  if (item.agencyId === '') return { ok: false, error: 'NITF without an id: no doc-id, du-key or headline to know its versions by' };
  return { ok: true, items: [item], warnings };
}

function subjectOf(subject: XmlNode): WireSubject[] {
  const name = attrOf(subject, 'tobject.subject.detail') ?? attrOf(subject, 'tobject.subject.matter') ?? attrOf(subject, 'tobject.subject.type');
  const code = attrOf(subject, 'tobject.subject.refnum');
  return name ? [{ name, code, scheme: code ? 'subj' : null }] : [];
}
