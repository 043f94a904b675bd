/** @module The websites of the news agencies Dateline recognises (core/imports/agency.ts): schema.org `url` of an agency's story. */

const WEBSITES: Readonly<Record<string, string>> = {
  afp: 'https://www.afp.com/',
  'agence france-presse': 'https://www.afp.com/',
  reuters: 'https://www.reuters.com/',
  ap: 'https://apnews.com/',
  'associated press': 'https://apnews.com/',
  tass: 'https://tass.com/',
  'sky news': 'https://news.sky.com/',
  spa: 'https://www.spa.gov.sa/',
  'saudi press agency': 'https://www.spa.gov.sa/',
  dpa: 'https://www.dpa.com/',
  xinhua: 'https://english.news.cn/',
  bloomberg: 'https://www.bloomberg.com/',
};

/** The agency's own website, or null for one Dateline does not know (a wire source's free-text credit). */
export function agencyWebsite(agency: string): string | null {
  return WEBSITES[agency.trim().toLowerCase()] ?? null;
}
