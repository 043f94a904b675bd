/**
 * @module The dateline an agency writes at the start of its lede ("GROSSETO, Italy (AP) --", "BERLIN (dpa) -",
 * "WASHINGTON, Dec 6 (Reuters) -", "الرياض (واس) -"): found, so that a draft carries it once, in its dateline field.
 */

/** What opened the lede: the place (date parts left out), the agency named in brackets, and how many characters to cut. */
export interface LeadDateline {
  place: string;
  agency: string | null;
  /** Characters of the lede the dateline and its dash take, spaces after included. */
  length: number;
}

/**
 * What ends a dateline: a dash ("-", "--", the Unicode dashes) with a space after it, so "Tokyo-based" is no
 * dateline, or a colon (ASCII or full width).
 */
const SEPARATOR = String.raw`(?:\s*(?:--|[-‐‑‒–—―])+(?:\s+|$)|\s*[:：]\s*)`;
/** `PLACE[, REGION][, DATE] (AGENCY) –`: brackets ASCII or full width (CJK), at most 80 characters before them. */
const GENERIC = new RegExp(String.raw`^([^\s()（）:：][^()（）\n:：]{0,79}?)\s*[(（]([^()（）\n]{1,40})[)）]${SEPARATOR}`, 'u');
/** What may follow the item's own dateline before the dash: ", Italy", ", Dec 6", "(AP)". */
const KNOWN_TAIL = new RegExp(String.raw`^((?:[,،][^()（）\n:：,،]{1,40}){0,2}?)\s*(?:[(（]([^()（）\n]{1,40})[)）])?${SEPARATOR}`, 'u');
/** Lower-case words a place name may hold ("Rio de Janeiro", "Frankfurt am Main", "Dar es Salaam"). */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'los', 'las', 'el', 'al', 'am', 'an', 'der', 'es', 'upon', 'on', 'sur', 'en', 'im', 'y']);
const MAX_PLACE_WORDS = 8;

function words(text: string): string[] {
  return text.split(/[\s/]+/u).filter((w) => w !== '');
}

/** A word of a place as agencies write it: in capitals, capitalised, a particle, or in a script without case (Arabic, CJK). */
function isPlaceWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return true;
  if (!/[\p{Lu}\p{Ll}]/u.test(letters)) return true;
  return /^\p{Lu}/u.test(letters) || PARTICLES.has(letters.toLowerCase()) || /^(al|el)-/iu.test(word);
}

/** The place part of a dateline: its comma-separated parts up to the first that holds a date (a digit). */
export function placeOfDateline(text: string): string {
  const parts = text.split(/[,،]/u).map((p) => p.trim()).filter((p) => p !== '');
  const kept: string[] = [];
  for (const part of parts) {
    if (/\p{N}/u.test(part)) break;
    kept.push(part);
  }
  return (kept.length > 0 ? kept : parts.slice(0, 1)).join(', ');
}

/** Folds case, accents and spacing, so "GROSSETO, Italy" and "Grosseto, ITALY" compare equal. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The generic form: a short place in capitals or capitalised words, an agency in brackets, then a dash. */
function genericDateline(lede: string): LeadDateline | null {
  const match = GENERIC.exec(lede);
  if (!match) return null;
  const prefix = match[1]!.trim();
  const place = placeOfDateline(prefix);
  const placeWords = words(place);
  if (words(prefix).length > MAX_PLACE_WORDS || placeWords.length === 0 || !placeWords.every(isPlaceWord)) return null;
  // A sentence, not a dateline: "Officials said. Later (AP) -".
  if (/[.!?؟。！？]\s+\S/u.test(prefix.replace(/\b\p{L}{1,4}\.\s/gu, ''))) return null;
  return { place, agency: match[2]!.trim(), length: match[0].length };
}

/** The item's own dateline opening the lede ("SEOUL: …", "Tokyo — …"), followed by a dash or colon. */
function knownDateline(lede: string, dateline: string): LeadDateline | null {
  const place = placeOfDateline(dateline.replace(/\s*[(（][^()（）]*[)）]\s*$/u, ''));
  if (place === '') return null;
  const head = lede.slice(0, place.length);
  if (folded(head) !== folded(place)) return null;
  const after = KNOWN_TAIL.exec(lede.slice(place.length));
  // Only region and date parts may stand between the place and the dash, never a clause ("Tokyo, the capital, said —").
  if (!after || !(after[1] ?? '').split(/[,،]/u).every((part) => /\p{N}/u.test(part) || words(part).every(isPlaceWord))) return null;
  return { place: head.trim(), agency: after[2]?.trim() ?? null, length: place.length + after[0].length };
}

/**
 * The dateline opening a lede, or null. The item's own dateline is looked for first; otherwise the generic
 * `PLACE[, REGION][, DATE] (AGENCY) –` form, whose place must read as a place, so a sentence with a bracket
 * and a dash is left alone. Nothing is cut when no text would remain.
 */
export function leadDateline(lede: string, dateline: string | null): LeadDateline | null {
  const found = (dateline ? knownDateline(lede, dateline) : null) ?? genericDateline(lede);
  return found && lede.slice(found.length).trim() !== '' ? found : null;
}

/** A dateline as the draft's field shows it: the place without the agency in brackets or a trailing dash, in capitals. */
export function draftDateline(dateline: string): string {
  return dateline.replace(/\s*[(（][^()（）]*[)）]\s*/gu, ' ').replace(/[\s\-‐‑‒–—―:：]+$/u, '').trim().toUpperCase();
}
