/**
 * @module Wire agencies: the news agencies a wire item may come from, with their display names, the names, codes and
 * web addresses they are sent as (provider QCodes, copyright holders, credit lines, feed titles), and the time zone
 * their local times are written in when a file gives a time without a zone.
 */

export interface WireAgency {
  /** The name shown on the desk and in credits ("AFP", "Reuters", "dpa"). */
  name: string;
  /** IANA zone the agency's newsroom writes local times in; null when it always sends UTC or a zone. */
  zone: string | null;
  /** Lower-case forms it is sent as: full names, short names, domains, provider QCodes without their scheme. */
  aliases: readonly string[];
}

/**
 * Known agencies. Zones: the agency's head office, which is how their systems stamp times without a zone
 * (STT and NTB NewsML-G2 and NITF do; dpa, AAP and PA send offsets). Add a row when a new agency is wired.
 */
export const WIRE_AGENCIES: readonly WireAgency[] = [
  { name: 'AFP', zone: 'Europe/Paris', aliases: ['afp', 'agence france-presse', 'agence france presse', 'afp.com', 'afp services'] },
  { name: 'AP', zone: 'America/New_York', aliases: ['ap', 'associated press', 'the associated press', 'ap.org', 'apnews.com'] },
  { name: 'Reuters', zone: null, aliases: ['reuters', 'thomson reuters', 'reuters.com', 'thomsonreuters.com', 'rtr'] },
  { name: 'dpa', zone: 'Europe/Berlin', aliases: ['dpa', 'deutsche presse-agentur', 'deutsche presse agentur', 'dpa.com', 'dpa-afx', 'dpa international'] },
  { name: 'ANSA', zone: 'Europe/Rome', aliases: ['ansa', 'ansa.it', 'agenzia nazionale stampa associata'] },
  { name: 'EFE', zone: 'Europe/Madrid', aliases: ['efe', 'agencia efe', 'efe.com'] },
  { name: 'Europa Press', zone: 'Europe/Madrid', aliases: ['europa press', 'europapress', 'europapress.es', 'ep'] },
  { name: 'SPA', zone: 'Asia/Riyadh', aliases: ['spa', 'saudi press agency', 'spa.gov.sa'] },
  { name: 'WAM', zone: 'Asia/Dubai', aliases: ['wam', 'emirates news agency', 'wam.ae'] },
  { name: 'KUNA', zone: 'Asia/Kuwait', aliases: ['kuna', 'kuwait news agency', 'kuna.net.kw'] },
  { name: 'QNA', zone: 'Asia/Qatar', aliases: ['qna', 'qatar news agency', 'qna.org.qa'] },
  { name: 'MENA', zone: 'Africa/Cairo', aliases: ['mena', 'middle east news agency'] },
  { name: 'Anadolu', zone: 'Europe/Istanbul', aliases: ['anadolu', 'anadolu agency', 'anadolu ajansi', 'aa.com.tr'] },
  { name: 'AAP', zone: 'Australia/Sydney', aliases: ['aap', 'australian associated press', 'aap.com.au'] },
  { name: 'PA Media', zone: 'Europe/London', aliases: ['pa', 'pa media', 'press association', 'the press association', 'pa sport', 'pa sport data', 'pamediagroup.com'] },
  { name: 'NTB', zone: 'Europe/Oslo', aliases: ['ntb', 'norsk telegrambyrå', 'norsk telegrambyra', 'ntb.no', 'ntb scanpix'] },
  { name: 'STT', zone: 'Europe/Helsinki', aliases: ['stt', 'suomen tietotoimisto', 'stt.fi', 'stt-lehtikuva', 'stt-info'] },
  { name: 'TT', zone: 'Europe/Stockholm', aliases: ['tt', 'tidningarnas telegrambyrå', 'tt nyhetsbyrån', 'tt.se'] },
  { name: 'Ritzau', zone: 'Europe/Copenhagen', aliases: ['ritzau', 'ritzaus bureau', 'ritzau.dk'] },
  { name: 'ANP', zone: 'Europe/Amsterdam', aliases: ['anp', 'algemeen nederlands persbureau'] },
  { name: 'Belga', zone: 'Europe/Brussels', aliases: ['belga', 'agence belga'] },
  { name: 'APA', zone: 'Europe/Vienna', aliases: ['apa', 'austria presse agentur'] },
  { name: 'Keystone-SDA', zone: 'Europe/Zurich', aliases: ['sda', 'keystone-sda', 'keystone-ats', 'ats'] },
  { name: 'Lusa', zone: 'Europe/Lisbon', aliases: ['lusa', 'agência lusa'] },
  { name: 'PAP', zone: 'Europe/Warsaw', aliases: ['pap', 'polska agencja prasowa'] },
  { name: 'ANA-MPA', zone: 'Europe/Athens', aliases: ['ana', 'ana-mpa', 'athens-macedonian news agency'] },
  { name: 'Xinhua', zone: 'Asia/Shanghai', aliases: ['xinhua', 'xinhua news agency', 'xinhuanet', 'xinhuanet.com'] },
  { name: 'Kyodo', zone: 'Asia/Tokyo', aliases: ['kyodo', 'kyodo news', 'kyodonews.net'] },
  { name: 'Jiji', zone: 'Asia/Tokyo', aliases: ['jiji', 'jiji press'] },
  { name: 'Yonhap', zone: 'Asia/Seoul', aliases: ['yonhap', 'yonhap news agency', 'yna.co.kr'] },
  { name: 'PTI', zone: 'Asia/Kolkata', aliases: ['pti', 'press trust of india'] },
  { name: 'Bernama', zone: 'Asia/Kuala_Lumpur', aliases: ['bernama'] },
  { name: 'Antara', zone: 'Asia/Jakarta', aliases: ['antara', 'antara news'] },
  { name: 'TASS', zone: 'Europe/Moscow', aliases: ['tass', 'itar-tass', 'tass.com', 'tass.ru'] },
  { name: 'RIA Novosti', zone: 'Europe/Moscow', aliases: ['ria', 'ria novosti', 'ria.ru', 'риа новости'] },
  { name: 'Interfax', zone: 'Europe/Moscow', aliases: ['interfax'] },
  { name: 'Ukrinform', zone: 'Europe/Kyiv', aliases: ['ukrinform'] },
  { name: 'IRNA', zone: 'Asia/Tehran', aliases: ['irna', 'islamic republic news agency'] },
  { name: 'BusinessDesk', zone: 'Pacific/Auckland', aliases: ['businessdesk'] },
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
