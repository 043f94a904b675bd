/**
 * @module Wire agencies: the one table of the news agencies Dateline knows, wherever a story comes from (the wire, a
 * captured page): their display names, the names, codes and web addresses they are sent as (provider QCodes,
 * copyright holders, credit lines, feed titles), the time zone their local times are written in when a file gives a
 * time without a zone, their website (a story's schema.org publisher) and how a story's text cites them.
 */

export interface WireAgency {
  /** The name shown on the desk and in credits ("AFP", "Reuters", "dpa"). */
  name: string;
  /** IANA zone the agency's newsroom writes local times in; null when it always sends UTC or a zone. */
  zone: string | null;
  /** Lower-case forms it is sent as: full names, short names, domains, provider QCodes without their scheme. */
  aliases: readonly string[];
  /** Its own website (schema.org `url` of the organisation credited on a story). */
  website: string | null;
  /** The name is also an ordinary word or abbreviation (MENA, the region): a story's text cites the agency only by its full names. */
  ambiguousName?: true;
}

/**
 * Known agencies. Zones: the agency's head office, which is how their systems stamp times without a zone
 * (STT and NTB NewsML-G2 and NITF do; dpa, AAP and PA send offsets). Add a row when a new agency is wired or cited.
 */
export const WIRE_AGENCIES: readonly WireAgency[] = [
  { name: 'AFP', zone: 'Europe/Paris', aliases: ['afp', 'agence france-presse', 'agence france presse', 'afp.com', 'afp services'], website: 'https://www.afp.com/' },
  { name: 'AP', zone: 'America/New_York', aliases: ['ap', 'associated press', 'the associated press', 'ap.org', 'apnews.com'], website: 'https://apnews.com/' },
  { name: 'Reuters', zone: null, aliases: ['reuters', 'thomson reuters', 'reuters.com', 'thomsonreuters.com', 'rtr'], website: 'https://www.reuters.com/' },
  { name: 'dpa', zone: 'Europe/Berlin', aliases: ['dpa', 'deutsche presse-agentur', 'deutsche presse agentur', 'dpa.com', 'dpa-afx', 'dpa international'], website: 'https://www.dpa.com/' },
  { name: 'ANSA', zone: 'Europe/Rome', aliases: ['ansa', 'ansa.it', 'agenzia nazionale stampa associata'], website: 'https://www.ansa.it/' },
  { name: 'EFE', zone: 'Europe/Madrid', aliases: ['efe', 'agencia efe', 'efe.com'], website: 'https://www.efe.com/' },
  { name: 'Europa Press', zone: 'Europe/Madrid', aliases: ['europa press', 'europapress', 'europapress.es', 'ep'], website: 'https://www.europapress.es/' },
  { name: 'SPA', zone: 'Asia/Riyadh', aliases: ['spa', 'saudi press agency', 'spa.gov.sa'], website: 'https://www.spa.gov.sa/' },
  { name: 'WAM', zone: 'Asia/Dubai', aliases: ['wam', 'emirates news agency', 'wam.ae'], website: 'https://www.wam.ae/' },
  { name: 'KUNA', zone: 'Asia/Kuwait', aliases: ['kuna', 'kuwait news agency', 'kuna.net.kw'], website: 'https://www.kuna.net.kw/' },
  { name: 'QNA', zone: 'Asia/Qatar', aliases: ['qna', 'qatar news agency', 'qna.org.qa'], website: 'https://www.qna.org.qa/' },
  { name: 'MENA', zone: 'Africa/Cairo', aliases: ['mena', 'middle east news agency'], website: 'https://www.mena.org.eg/', ambiguousName: true },
  { name: 'Anadolu', zone: 'Europe/Istanbul', aliases: ['anadolu', 'anadolu agency', 'anadolu ajansi', 'aa.com.tr'], website: 'https://www.aa.com.tr/' },
  { name: 'AAP', zone: 'Australia/Sydney', aliases: ['aap', 'australian associated press', 'aap.com.au'], website: 'https://aap.com.au/' },
  { name: 'PA Media', zone: 'Europe/London', aliases: ['pa', 'pa media', 'press association', 'the press association', 'pa sport', 'pa sport data', 'pamediagroup.com'], website: 'https://pamediagroup.com/' },
  { name: 'NTB', zone: 'Europe/Oslo', aliases: ['ntb', 'norsk telegrambyrå', 'norsk telegrambyra', 'ntb.no', 'ntb scanpix'], website: 'https://www.ntb.no/' },
  { name: 'STT', zone: 'Europe/Helsinki', aliases: ['stt', 'suomen tietotoimisto', 'stt.fi', 'stt-lehtikuva', 'stt-info'], website: 'https://stt.fi/' },
  { name: 'TT', zone: 'Europe/Stockholm', aliases: ['tt', 'tidningarnas telegrambyrå', 'tt nyhetsbyrån', 'tt.se'], website: 'https://tt.se/' },
  { name: 'Ritzau', zone: 'Europe/Copenhagen', aliases: ['ritzau', 'ritzaus bureau', 'ritzau.dk'], website: 'https://ritzau.dk/' },
  { name: 'ANP', zone: 'Europe/Amsterdam', aliases: ['anp', 'algemeen nederlands persbureau'], website: 'https://www.anp.nl/' },
  { name: 'Belga', zone: 'Europe/Brussels', aliases: ['belga', 'agence belga'], website: 'https://www.belga.be/' },
  { name: 'APA', zone: 'Europe/Vienna', aliases: ['apa', 'austria presse agentur'], website: 'https://www.apa.at/', ambiguousName: true },
  { name: 'Keystone-SDA', zone: 'Europe/Zurich', aliases: ['sda', 'keystone-sda', 'keystone-ats', 'ats'], website: 'https://www.keystone-sda.ch/' },
  { name: 'Lusa', zone: 'Europe/Lisbon', aliases: ['lusa', 'agência lusa'], website: 'https://www.lusa.pt/' },
  { name: 'PAP', zone: 'Europe/Warsaw', aliases: ['pap', 'polska agencja prasowa'], website: 'https://www.pap.pl/' },
  { name: 'ANA-MPA', zone: 'Europe/Athens', aliases: ['ana', 'ana-mpa', 'athens-macedonian news agency'], website: 'https://www.amna.gr/' },
  { name: 'Xinhua', zone: 'Asia/Shanghai', aliases: ['xinhua', 'xinhua news agency', 'xinhuanet', 'xinhuanet.com'], website: 'https://english.news.cn/' },
  { name: 'Kyodo', zone: 'Asia/Tokyo', aliases: ['kyodo', 'kyodo news', 'kyodonews.net'], website: 'https://english.kyodonews.net/' },
  { name: 'Jiji', zone: 'Asia/Tokyo', aliases: ['jiji', 'jiji press'], website: 'https://www.jiji.com/' },
  { name: 'Yonhap', zone: 'Asia/Seoul', aliases: ['yonhap', 'yonhap news agency', 'yna.co.kr'], website: 'https://en.yna.co.kr/' },
  { name: 'PTI', zone: 'Asia/Kolkata', aliases: ['pti', 'press trust of india'], website: 'https://www.ptinews.com/' },
  { name: 'Bernama', zone: 'Asia/Kuala_Lumpur', aliases: ['bernama'], website: 'https://www.bernama.com/' },
  { name: 'Antara', zone: 'Asia/Jakarta', aliases: ['antara', 'antara news'], website: 'https://en.antaranews.com/' },
  { name: 'TASS', zone: 'Europe/Moscow', aliases: ['tass', 'itar-tass', 'tass.com', 'tass.ru'], website: 'https://tass.com/' },
  { name: 'RIA Novosti', zone: 'Europe/Moscow', aliases: ['ria', 'ria novosti', 'ria.ru', 'риа новости'], website: 'https://ria.ru/' },
  { name: 'Interfax', zone: 'Europe/Moscow', aliases: ['interfax'], website: 'https://interfax.com/' },
  { name: 'Ukrinform', zone: 'Europe/Kyiv', aliases: ['ukrinform'], website: 'https://www.ukrinform.net/' },
  { name: 'IRNA', zone: 'Asia/Tehran', aliases: ['irna', 'islamic republic news agency'], website: 'https://en.irna.ir/' },
  { name: 'Bloomberg', zone: 'America/New_York', aliases: ['bloomberg', 'bloomberg news', 'bloomberg.com'], website: 'https://www.bloomberg.com/' },
  { name: 'Sky News', zone: 'Europe/London', aliases: ['sky news', 'news.sky.com'], website: 'https://news.sky.com/' },
  { name: 'BusinessDesk', zone: 'Pacific/Auckland', aliases: ['businessdesk'], website: 'https://businessdesk.co.nz/' },
];

const BY_ALIAS = new Map(WIRE_AGENCIES.flatMap((agency) => [[agency.name.toLowerCase(), agency] as const, ...agency.aliases.map((alias) => [alias, agency] as const)]));

/**
 * The known agency a name, code or address stands for: "nprov:dpa", "Thomson Reuters", "reuters.com",
 * "tag:ap.org,2011:…", "STT–AFP" (the first), "(c) Copyright ANSA 2017". Null when none is recognised.
 */
export function knownWireAgency(raw: string | null | undefined): WireAgency | null {
  if (!raw) return null;
  const text = raw.normalize('NFC').trim().toLowerCase();
  if (text === '') return null;
  const direct = BY_ALIAS.get(text) ?? BY_ALIAS.get(text.replace(/^[\w-]+:/, ''));
  if (direct) return direct;
  const domain = /^(?:tag:|urn:newsml:|https?:\/\/)(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})/.exec(text)?.[1];
  if (domain) {
    const byDomain = BY_ALIAS.get(domain) ?? BY_ALIAS.get(domain.split('.').slice(-2).join('.'));
    if (byDomain) return byDomain;
  }
  // A credit or copyright line or feed title: the first word that names an agency ("STT–AFP", "Reuters: World News").
  for (const part of text.split(/\s*[–—/|,;:()]\s*|\s+-\s+|\s+/u)) {
    const found = part.length >= 2 ? BY_ALIAS.get(part) : undefined;
    if (found && !['ap', 'pa', 'ep', 'ana', 'ria', 'ats', 'tt'].includes(part)) return found;
  }
  const upper = raw.trim().split(/[^A-Za-z]+/).filter((w) => /^[A-Z]{2,}$/.test(w));
  for (const word of upper) {
    const found = BY_ALIAS.get(word.toLowerCase());
    if (found) return found;
  }
  return null;
}

/**
 * The agency to show for an item: the first candidate that names a known agency (in the order given: provider,
 * copyright holder, credit line, source, feed), else the first candidate that reads as a name (not a code or a
 * login). Null when nothing is left.
 */
export function wireAgencyName(candidates: readonly (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const known = knownWireAgency(candidate);
    if (known) return known.name;
  }
  for (const candidate of candidates) {
    const text = candidate?.normalize('NFC').replace(/\s+/gu, ' ').trim() ?? '';
    if (text !== '' && !/^[\w-]+:\S*$/.test(text) && !/^(?:tag|urn|https?):/i.test(text)) return text;
  }
  return null;
}

/** The zone an agency writes local times in; null when unknown or when it sends UTC. */
export function wireAgencyZone(agencyName: string | null): string | null {
  return agencyName ? (BY_ALIAS.get(agencyName.toLowerCase())?.zone ?? null) : null;
}

/** The agency this is the name or one of the names of, exactly (case aside); null for a free-text credit. */
export function agencyNamed(name: string | null | undefined): WireAgency | null {
  return name ? (BY_ALIAS.get(name.normalize('NFC').trim().toLowerCase()) ?? null) : null;
}

/** An agency's own website by its name (or one of its names); null for an agency the table does not know. */
export function agencyWebsite(name: string): string | null {
  return agencyNamed(name)?.website ?? null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a story's text cites each agency: its name as written (case-sensitive: "AP", never "ap"), unless the name is
 * ambiguous, and its full names of several words in any case ("Agence France-Presse", "the Associated Press").
 */
const CITATIONS = WIRE_AGENCIES.map((agency) => ({
  agency,
  patterns: [
    ...(agency.ambiguousName ? [] : [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(agency.name)}(?![\\p{L}\\p{N}])`, 'gu')]),
    ...agency.aliases.filter((alias) => /\s/.test(alias)).map((alias) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, 'giu')),
  ],
}));

/** How many times `text` cites the agency; one mention read by two of its names ("The Associated Press") counts once. */
function citationCount(text: string, patterns: readonly RegExp[]): number {
  const spans = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as const))
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let count = 0;
  let end = -1;
  for (const [start, stop] of spans) {
    if (start < end) continue;
    count += 1;
    end = stop;
  }
  return count;
}

/**
 * The agency a story's text cites most ("told Reuters", "asked by AFP", "TASS reported"); ties go to the earlier in
 * the table; null when it cites none (staff copy).
 */
export function mostCitedAgency(text: string): WireAgency | null {
  let best: { agency: WireAgency; count: number } | null = null;
  for (const { agency, patterns } of CITATIONS) {
    const count = citationCount(text, patterns);
    if (count > 0 && (!best || count > best.count)) best = { agency, count };
  }
  return best?.agency ?? null;
}
