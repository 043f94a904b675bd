/**
 * @module Names by their shape: runs of capitalised words whose words say what they name. Organisations
 * ("National Institute of Biological Resources", "Hutchison Whampoa Ltd", "U.S. District Court") end in a
 * company form or hold the head of an institution (Bank, Ministry, Council…), kept whole, with the short
 * forms a story defines for them ("the Commodity Credit Corporation, CCC," or "(CFTC)"); places hold a
 * geographic head ("South China Sea", "Sea of Marmara", "Pearl River").
 */

export interface ShapedName {
  name: string;
  kind: 'organisation' | 'place';
  /** Spellings that name it in this text besides `name`: an acronym the story defines. */
  forms: string[];
}

/** Company forms: a run ending in one is a company ("Co Ltd", "S.P.A."). What follows them ("of New York") is cut. */
const COMPANY_FORMS = new Set(['Inc', 'Corp', 'Corporation', 'Co', 'Company', 'Ltd', 'Limited', 'Plc', 'PLC', 'plc', 'AB', 'AG', 'SA', 'S.A.', 'S.P.A.', 'SpA', 'S.p.A.', 'KK', 'NV', 'N.V.', 'GmbH', 'LLC', 'LLP', 'Holdings', 'Group']);
/** Heads of institutions and businesses: a run of two words or more holding one is an organisation. */
const HEADS = new Set([
  'Bank', 'Banque', 'Banco', 'Ministry', 'Department', 'Dept', 'Institute', 'Institution', 'Council', 'Commission', 'Committee', 'Court',
  'Agency', 'Authority', 'Association', 'Union', 'Party', 'Exchange', 'Fund', 'Foundation', 'Board', 'Bureau', 'Office', 'Staff',
  'University', 'College', 'Academy', 'Police', 'Army', 'Navy', 'Parliament', 'Assembly', 'Senate', 'Alliance', 'Organization',
  'Organisation', 'Airlines', 'Airways', 'Air', 'Motors', 'Industries', 'Stores', 'Terminals', 'Mills', 'Systems', 'Engines', 'Mint',
  'Treasury', 'Times', 'Post', 'Daily', 'News', 'Journal', 'Television', 'Radio', 'Democrats', 'Republicans', 'Socialists', 'Front',
  'Movement', 'Guard', 'Corps', 'Service', 'Services', 'Federation', 'Reserve', 'Church', 'Hospital', 'Club', 'League', 'Trust',
  ...COMPANY_FORMS,
]);
/** Heads of geographic names. */
const PLACE_HEADS = new Set(['Sea', 'Ocean', 'River', 'Gulf', 'Strait', 'Straits', 'Peninsula', 'Mountains', 'Lake', 'Island', 'Islands', 'Bay', 'Basin', 'Valley', 'Desert', 'Canal', 'Province', 'Region', 'County', 'Square']);
/** Parties a story names by one word. */
const ONE_WORD = new Set(['Conservatives', 'Socialists', 'Democrats', 'Republicans', 'Tories', 'Communists', 'Greens']);
/** Words that open a sentence or describe a holder, never begin an organisation's name. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'For', 'But', 'And', 'Its', 'His', 'Her', 'Their', 'This', 'That', 'Both', 'After', 'As', 'By', 'Under', 'Until', 'When', 'While', 'If', 'Former', 'Then']);
/** Titles: a name of a holder follows them, so a run is cut before one ("U.S. Treasury | Secretary James Baker"). */
export const TITLES = new Set([
  'President', 'Prime', 'Minister', 'Secretary', 'Chairman', 'Chairwoman', 'Chair', 'Chief', 'Executive', 'Commissioner', 'Treasurer',
  'Director', 'Governor', 'Senator', 'Judge', 'General', 'Colonel', 'Captain', 'Spokesman', 'Spokeswoman', 'Leader', 'Vice', 'King',
  'Queen', 'Prince', 'Princess', 'Pope', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Lord', 'Lady', 'Ambassador', 'Mayor', 'Speaker',
]);
const CONNECTORS = new Set(['of', 'and', 'for', 'de', 'des', 'du', 'la', 'der', 'für', '&', 'the']);
/** Days and months end a name: "Sky News | Friday". */
const DATES = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

const COMPLETE = new RegExp(String.raw`(?:\s(?:${[...COMPANY_FORMS].map((f) => f.replace(/\./g, '\\.')).join('|')}|Sea|Ocean|River|Bay)$)|^(?:Sea|Gulf|Lake) of \S+$`, 'u');
const WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}\p{N}'’.&/-]*|&)`;
const RUN = new RegExp(String.raw`${WORD}(?:\s+(?:(?:${[...CONNECTORS].join('|')})\s+)*${WORD})*`, 'gu');
const FIELD_LIST = /^(?:, \p{Lu}[\p{L}-]*)+,? and \p{Lu}[\p{L}-]*/u;
const ACRONYM_AFTER = /^\s*[,(]\s*(?:the\s+)?(\p{Lu}[\p{Lu}&.]{1,7})\s*[,)]/u;

/** Organisations and places named in a text by their shape, each once, by their full name. */
export function shapedNamesIn(text: string): ShapedName[] {
  const found = new Map<string, ShapedName>();
  for (const match of text.matchAll(RUN)) {
    for (const [shortName, kind] of namesOf(match[0])) {
      const at = text.indexOf(shortName, match.index);
      // "Ministry of Land, Infrastructure and Transport": a ministry's list of fields belongs to its name.
      const fields = /^(?:Ministry|Department|Council|Commission|Committee) of /u.test(shortName) ? FIELD_LIST.exec(text.slice(at + shortName.length))?.[0] : undefined;
      const name = fields ? shortName + fields : shortName;
      const entry = found.get(name) ?? { name, kind, forms: [] };
      found.set(name, entry);
      const end = at + name.length;
      const acronym = ACRONYM_AFTER.exec(text.slice(end, end + 16))?.[1]?.replace(/\.$/, '');
      if (acronym && !entry.forms.includes(acronym) && isAcronymOf(acronym, name)) entry.forms.push(acronym);
    }
  }
  return [...found.values()];
}

/** "CFTC" for "Commodity Futures Trading Commission", "CCC" for "Commodity Credit Corporation": its letters begin the name's words in order. */
export function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = name.split(/[\s-]+/).map((w) => w[0] ?? '').join('');
  let at = 0;
  for (const letter of initials) if (letter === letters[at]) at++;
  return at === letters.length && letters[0] === initials[0];
}

/** The names in one run of capitalised words: split at possessives, titles and full stops, trimmed, kept when shaped like one. */
function namesOf(run: string): [string, ShapedName['kind']][] {
  const names: [string, ShapedName['kind']][] = [];
  let words: string[] = [];
  const flush = () => {
    const name = trimmed(words);
    if (name) names.push(name);
    words = [];
  };
  for (const word of run.split(/\s+/)) {
    if (TITLES.has(word.replace(/[.’']s?$/u, '')) || /-based$/u.test(word) || DATES.has(word.replace(/\.$/, ''))) {
      flush();
      continue;
    }
    // "Barclays Bank Plc | and Midland Bank Plc", "Sea of Marmara | and the Black Sea": two names, the first complete.
    if (word === 'and' && trimmed(words) !== null && COMPLETE.test(words.join(' '))) {
      flush();
      continue;
    }
    // "October. Primary": a full stop after a word (not an initial or "U.S.") ends the sentence and the name.
    if (/\p{L}{2}\.$/u.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word)) {
      words.push(word.slice(0, -1));
      flush();
      continue;
    }
    // "Japan's Mitsui …": what precedes a possessive is another name; "Commission's": the name ends there.
    const possessive = /[’']s?$/u.test(word) && word.length > 2;
    words.push(possessive ? word.replace(/[’']s?$/u, '') : word);
    if (possessive) flush();
  }
  flush();
  return names;
}

function trimmed(input: string[]): [string, ShapedName['kind']] | null {
  let words = [...input];
  while (words.length > 0 && (OPENERS.has(words[0]!) || CONNECTORS.has(words[0]!))) words.shift();
  // "Mitsui and Co Ltd | of Japan": a place after the company form is where it is, not its name ("Telefon AB L.M. Ericsson" is).
  const formAt = words.findIndex((w, i) => i > 0 && COMPANY_FORMS.has(w) && (words[i + 1] === undefined || words[i + 1] === 'of' || OPENERS.has(words[i + 1]!)));
  if (formAt > 0) words = words.slice(0, formAt + 1);
  while (words.length > 0 && CONNECTORS.has(words.at(-1)!)) words.pop();
  if (words.length === 1) return ONE_WORD.has(words[0]!) ? [words[0]!, 'organisation'] : null;
  if (words.length < 2 || words.length > 8) return null;
  const capitalised = words.filter((w) => !CONNECTORS.has(w));
  if (capitalised.every((w) => HEADS.has(w) || PLACE_HEADS.has(w))) return null;
  if (PLACE_HEADS.has(words.at(-1)!) || (PLACE_HEADS.has(words[0]!) && words[1] === 'of')) return [words.join(' '), 'place'];
  return words.some((w) => HEADS.has(w)) ? [words.join(' '), 'organisation'] : null;
}
