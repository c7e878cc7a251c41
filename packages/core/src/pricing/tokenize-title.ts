/** Words too common in marketplace titles to say anything about the item. */
const stopWords = new Set([
  'a',
  'an',
  'and',
  'the',
  'for',
  'with',
  'of',
  'in',
  'on',
  'to',
  'or',
  'is',
  'obo',
  'firm',
  'sale',
]);

/**
 * Splits a title into lower-case search terms for comparables and the price model. Accents are
 * folded, hyphenated or slashed model names are joined (`F-150` → `f150`, so it matches `F150`),
 * and a handful of filler words are dropped. Terms keep their repeats (BM25 counts them).
 */
export function tokenizeTitle(title: string): string[] {
  const folded = title
    .normalize('NFKD')
    .replaceAll(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Join `f-150`, `ps/4`, `2.0` so the model number stays one term.
    .replaceAll(/([a-z0-9])[-/.]([a-z0-9])/g, '$1$2');
  const out: string[] = [];
  for (const term of folded.split(/[^a-z0-9]+/)) {
    if (term.length === 0 || stopWords.has(term)) continue;
    out.push(term.length > 40 ? term.slice(0, 40) : term);
  }
  return out;
}
