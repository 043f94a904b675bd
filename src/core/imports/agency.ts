/** @module Which news agency a captured story credits, from its body text: the agency table's reading (core/wire/wire-agencies.ts). */
import { mostCitedAgency } from '../wire/wire-agencies.js';

/**
 * The agency the body cites most ("told Reuters", "asked by AFP", "TASS reported"); ties go to the earlier in the
 * agency table; null when it cites none (staff copy). The photo credit is not read here: it names the photo's
 * source, not the text's, and stays with the photo.
 */
export function detectAgency(body: string): string | null {
  return mostCitedAgency(body)?.name ?? null;
}
