/** @module A light Arabic stemmer for search (after Larkey, Ballesteros & Connell's light10): strips the article, its clitics and common suffixes. */

/**
 * Why our own and not a Snowball stemmer: the Snowball Arabic algorithm (npm `snowball-stemmers` 0.6.0,
 * `multilingual-stemmer` 2.1.1 = Snowball 3.1.1, and PostgreSQL's `arabic` configuration) strips single
 * letters that are part of names and nouns: فلسطين → لسط while الفلسطينيين → فلسطين, سيارات → يارا,
 * انتخابات → انتخابا, and it leaves والمدرسة as والمدرس. News is full of such names. A light stemmer
 * removes only affixes that are unambiguous in news text, and is the usual baseline for Arabic retrieval.
 *
 * Differences from light10, decided from Arabic morphology before any query was measured:
 * - The conjunction and prepositions are stripped only together with the article (وال، بال، كال، فال،
 *   لل and their و/ف forms): a lone ف، ب، ل or ك begins too many names (فرنسا، بريطانيا، لبنان، كندا).
 * - A lone و is stripped after the article, not before: الوزير and وزير both become زير (light10 gives وزير
 *   and زير, so "وزير" would not find "الوزير"). The same for ال-initial stems (الالتزام, and ألعاب after
 *   hamza folding): the article is taken off twice, so الالتزام and التزام meet.
 * - Every stem keeps at least 3 letters (light10: 2): most Arabic roots have three, and a shorter cut is
 *   usually wrong (بيان → بي, مكان → مك, الله → له).
 * - The accusative tanween alef (عاما، ترشيحا، روبوتا) is a suffix too: tashkeel removal leaves the alef.
 */
const ARTICLES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** Light10's suffixes, in its order (ة and ى are already folded to ه and ي), with the tanween alef before ي. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ا', 'ي'];
const MIN_STEM = 3;

function withoutPrefix(word: string, prefix: string): string | null {
  return word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM ? word.slice(prefix.length) : null;
}

function withoutArticle(word: string): string {
  let stem = word;
  for (const article of ARTICLES) {
    const rest = withoutPrefix(stem, article);
    if (rest !== null) {
      stem = rest;
      break;
    }
  }
  stem = withoutPrefix(stem, 'ال') ?? stem;
  return withoutPrefix(stem, 'و') ?? stem;
}

/** The stem of one folded word in Arabic letters (see foldArabic and isArabicWord). */
export function stemArabic(word: string): string {
  let stem = withoutArticle(word);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
