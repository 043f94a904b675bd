/** @module Which news agency a captured story credits, from its photo credit and its body text. */
const AGENCIES: { name: string; pattern: RegExp }[] = [
  { name: 'AFP', pattern: /\b(AFP|Agence France-Presse)\b/g },
  { name: 'Reuters', pattern: /\bReuters\b/g },
  { name: 'AP', pattern: /\b(Associated Press|AP)\b/g },
  { name: 'TASS', pattern: /\bTASS\b/g },
  { name: 'Sky News', pattern: /\bSky News\b/g },
  { name: 'SPA', pattern: /\b(Saudi Press Agency|SPA)\b/g },
  { name: 'dpa', pattern: /\bdpa\b/g },
  { name: 'Xinhua', pattern: /\bXinhua\b/g },
  { name: 'Bloomberg', pattern: /\bBloomberg\b/g },
];

/**
 * The agency the body cites most ("told Reuters", "asked by AFP", "TASS reported"); ties go to the
 * earlier in the list; null when it cites none (staff copy). The photo credit is not read here: it
 * names the photo's source, not the text's, and stays with the photo.
 */
export function detectAgency(body: string): string | null {
  let best: { name: string; count: number } | null = null;
  for (const agency of AGENCIES) {
    const count = body.match(agency.pattern)?.length ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { name: agency.name, count };
  }
  return best?.name ?? null;
}
