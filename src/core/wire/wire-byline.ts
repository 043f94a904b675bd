/**
 * @module The people an agency's byline names ("By FRANCES D'EMILIO Associated Press", "Von Anna Müller, dpa",
 * "بقلم محمد علي"): the names a draft carries as its authors, without the agency, titles or the word "By".
 */

/** "By", "Von", "Par", "Por", "Di", "Av", "Af", "بقلم", "Автор:" … opening a byline. */
const LEAD_WORD = /^(?:by|von|par|por|di|da|de|av|af|door|mit|بقلم|كتب|كتبت|автор|от)\s*:?\s+/iu;
/** What joins two names: a comma, "and" in several languages, an ampersand, a slash. */
const JOINERS = /\s*(?:[,;،&/|]|\s(?:and|und|et|y|e|og|och|en|ja|و)\s)\s*/iu;
/** Words that name a role or a desk, not a person ("Associated Press Writer", "Staff", "Correspondent"). */
const ROLE_WORDS = /(?:\b[A-Za-z]+[\s-]press[ea]?\b|\b(?:press|writer|correspondent|reporter|editor|staff|desk|news|agency|agencies|bureau|wire|service|redaktion|korrespondent|contributor|photographer)\b)/iu;
const MAX_NAMES = 10;
const MAX_NAME_LENGTH = 80;

/** Capitals as some agencies send names ("FRANCES D'EMILIO") read as a name is written ("Frances D'Emilio"). */
function nameCase(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function isAgency(part: string, agencies: readonly string[]): boolean {
  const folded = part.toLowerCase();
  return agencies.some((agency) => agency !== '' && folded === agency.toLowerCase());
}

/**
 * The names in a byline, in order, each once; agencies (the item's own and any in `agencies`), roles and
 * brackets ("(AP)") left out. Empty when the byline names no one.
 */
export function bylineNames(byline: string | null, agencies: readonly string[]): string[] {
  if (!byline) return [];
  const text = byline.replace(/[(（][^()（）]*[)）]/gu, ' ').replace(/\s+/gu, ' ').trim().replace(LEAD_WORD, '');
  const names: string[] = [];
  for (const raw of text.split(JOINERS)) {
    // "FRANCES D'EMILIO Associated Press": the role words end the name.
    const role = ROLE_WORDS.exec(raw);
    const part = (role ? raw.slice(0, role.index) : raw).replace(LEAD_WORD, '').replace(/[\s.:–—-]+$/u, '').trim();
    if (part === '' || isAgency(part, agencies) || !/\p{L}/u.test(part) || part.length > MAX_NAME_LENGTH) continue;
    // A person's name in a cased script has two words at least: "Associated" (Press) or "AP" is no one.
    if (/[\p{Lu}\p{Ll}]/u.test(part) && !/\s/u.test(part)) continue;
    const name = nameCase(part);
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names.slice(0, MAX_NAMES);
}
