/**
 * @module Gazetteer: names the topic suggester knows without guessing. Countries and capitals from the
 * countries-list package (display names, aliases, capitals), more aliases and the Arabic names from
 * i18n-iso-countries, news agencies from the wire agency table, and a short list of institutions news names
 * by a short form ("UN", "Kremlin"). Every alias maps to one display name, so "US", "U.S." and "United
 * States" are one topic.
 */
import { createRequire } from 'node:module';
import { continents, countries } from 'countries-list';
import type { TopicKind } from '../../core/articles/article.js';
import { WIRE_AGENCIES } from '../../core/wire/wire-agencies.js';

export interface KnownName {
  name: string;
  kind: Exclude<TopicKind, 'subject'>;
}

const require = createRequire(import.meta.url);
type IsoNames = { countries: Record<string, string | string[]> };
const isoEnglish = require('i18n-iso-countries/langs/en.json') as IsoNames;
const isoArabic = require('i18n-iso-countries/langs/ar.json') as IsoNames;

/** Aliases news uses that neither package lists. */
const EXTRA_COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'U.K.'],
  US: ['U.S.A.'],
  KR: ['S.Korea', 'S. Korea'],
  NL: ['Holland'],
};

/** Places no country list holds: former states and regions news names. */
const REGIONS: [string, ...string[]][] = [
  ['Soviet Union', 'USSR', 'U.S.S.R.'],
  ['West Germany'],
  ['East Germany'],
  ['Yugoslavia'],
  ['Czechoslovakia'],
  ['Korean Peninsula'],
  ['Middle East'],
  ['Gaza Strip', 'Gaza'],
  ['West Bank'],
  ['Crimea'],
  ['Donbas', 'Donbass'],
  ['Kashmir'],
  ['Algarve'],
  ['Scandinavia'],
  ['Balkans'],
  ['Caribbean'],
  ['Latin America'],
];

/**
 * Institutions and bodies named by a short form or a single word. Long names ending in Bank, Ministry,
 * Council… are found by their shape (see name-shapes.ts), not listed here.
 */
const INSTITUTIONS: [string, ...string[]][] = [
  ['United Nations', 'UN', 'U.N.'],
  ['UN Security Council', 'United Nations Security Council', 'U.N. Security Council', 'Security Council'],
  ['UN General Assembly', 'United Nations General Assembly'],
  ['European Union', 'EU', 'E.U.'],
  ['European Commission'],
  ['NATO', 'Nato', 'North Atlantic Treaty Organization'],
  ['International Monetary Fund', 'IMF'],
  ['World Bank'],
  ['World Health Organization', 'WHO'],
  ['World Trade Organization', 'WTO'],
  ['OPEC', 'Organization of the Petroleum Exporting Countries'],
  ['BRICS'],
  ['G7', 'Group of Seven'],
  ['G20', 'Group of 20'],
  ['African Union'],
  ['Arab League'],
  ['ASEAN'],
  ['Kremlin'],
  ['White House'],
  ['Pentagon'],
  ['Congress', 'U.S. Congress', 'US Congress'],
  ['Hamas'],
  ['Hezbollah'],
  ['Taliban'],
  ['Red Cross', 'International Committee of the Red Cross', 'ICRC'],
  ['Interpol'],
  ['European Central Bank', 'ECB'],
  ['Federal Reserve', 'Fed'],
  ['Bank of England'],
  ['FBI'],
  ['CIA'],
  ['BBC', 'British Broadcasting Corporation'],
  ['CNN'],
  ['Sky News'],
  ['TASS', 'Tass'],
  ['Xinhua', 'New China News Agency'],
  ['Yonhap'],
  ['Instagram'],
  ['Facebook'],
  ['Google'],
  ['Boeing'],
  ['Airbus'],
];

function isoNames(table: IsoNames, code: string): string[] {
  const names = table.countries[code];
  return names === undefined ? [] : Array.isArray(names) ? names : [names];
}

function buildTable(): Map<string, KnownName> {
  const table = new Map<string, KnownName>();
  const add = (alias: string, known: KnownName) => {
    if (!table.has(alias)) table.set(alias, known);
  };
  for (const [code, country] of Object.entries(countries)) {
    const place: KnownName = { name: country.name, kind: 'place' };
    // Official long forms with commas ("Korea, Republic of") never appear in copy as such.
    const aliases = [country.name, ...(country.alias ?? []), ...isoNames(isoEnglish, code), ...(EXTRA_COUNTRY_ALIASES[code] ?? [])];
    for (const alias of aliases) if (!alias.includes(',') && !alias.includes('(')) add(alias, place);
    // An Arabic story's topic is named in Arabic: "إيران", not "Iran".
    const arabic = isoNames(isoArabic, code);
    for (const alias of arabic) add(alias, { name: arabic[0]!, kind: 'place' });
    for (const capital of country.capital.split(/,\s*/)) {
      const city = capital.replace(/\s+D\.C\.$/, '').trim();
      if (city !== '') add(city, { name: city, kind: 'place' });
    }
  }
  for (const continent of Object.values(continents)) add(continent, { name: continent, kind: 'place' });
  for (const [name, ...aliases] of REGIONS) for (const alias of [name, ...aliases]) add(alias, { name, kind: 'place' });
  for (const [name, ...aliases] of INSTITUTIONS) for (const alias of [name, ...aliases]) add(alias, { name, kind: 'organisation' });
  for (const agency of WIRE_AGENCIES) {
    const known: KnownName = { name: agency.name, kind: 'organisation' };
    add(agency.name, known);
    // Only the aliases written as names ("Agence France-Presse"), not codes or domains ("ap", "afp.com").
    for (const alias of agency.aliases) if (alias.includes(' ') && !alias.includes('.')) add(titleCase(alias), known);
  }
  return table;
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

const TABLE = buildTable();

/** The display name and kind of a known name or alias, spelt as written ("U.S.", "Agence France-Presse", "إيران"). */
export function knownName(name: string): KnownName | null {
  return TABLE.get(name) ?? null;
}

/** Every known spelling, longest first: what the suggester looks for in a text as whole words. */
export const KNOWN_SPELLINGS: readonly string[] = [...TABLE.keys()].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
