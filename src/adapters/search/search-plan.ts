/** @module One search as both engines run it: the query in each form the index holds, the edition it is limited to, and each hit marked as its story was indexed. */
import { markMatches } from '../../core/search/match-marks.js';
import type { SearchHit, SearchScope } from '../../core/search/search-index.js';
import type { SearchQuery } from '../../core/search/search-query.js';
import { queryInTerms, searchTermsFor, TERMED_LANGUAGES } from '../../core/search/search-terms.js';

export interface SearchPlan {
  /** A story matches any of these: the query as written (text the engine stems itself) or in a language's terms. */
  forms: SearchQuery[];
  /** Only this edition's stories; null for every edition's. */
  editionId: string | null;
}

function termsForm(query: SearchQuery, language: string): SearchQuery | null {
  const rules = searchTermsFor(language);
  return rules ? queryInTerms(query, rules) : null;
}

/**
 * An edition's search matches the query the way its language is indexed. Without a scope (the newsroom,
 * tools) every edition's stories are searched: those indexed as written by the query as written, those
 * indexed as terms by its terms. null when nothing is left to look for (vowel marks only, in Arabic).
 */
export function searchPlan(query: SearchQuery, scope: SearchScope | undefined): SearchPlan | null {
  if (scope) {
    const form = searchTermsFor(scope.language) ? termsForm(query, scope.language) : query;
    return form ? { forms: [form], editionId: scope.editionId } : null;
  }
  const forms = [query, ...TERMED_LANGUAGES.flatMap((language) => termsForm(query, language) ?? [])];
  // Both engines fold case, so forms that differ only in case are one.
  const distinct = new Map(forms.map((form) => [JSON.stringify(form.terms).toLowerCase(), form]));
  return { forms: [...distinct.values()], editionId: null };
}

/** A matched story's text as written when it was indexed as terms made here (else null), in its language. */
export interface TextAsWritten {
  terms_language: string | null;
  headline: string | null;
  highlights: string | null;
  body: string | null;
}

/** The hit of a matched story: marked here from its text as written if it was indexed as terms, else as the engine marked it. */
export function hitOf(articleId: string, query: SearchQuery, text: TextAsWritten, engineMarks: () => { headline: string; snippet: string }): SearchHit {
  const rules = text.terms_language ? searchTermsFor(text.terms_language) : null;
  if (!rules || text.headline === null) return { articleId, ...engineMarks() };
  const terms = queryInTerms(query, rules)?.terms ?? [];
  return { articleId, ...markMatches({ headline: text.headline, highlights: text.highlights ?? '', body: text.body ?? '' }, terms, rules) };
}
