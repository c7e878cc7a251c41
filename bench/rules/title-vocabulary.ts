import type { Listing } from '@deal-scout/core';

/**
 * Words people would type from the real listing titles: lower-cased words of letters and digits
 * (hyphenated model names like `f-150` kept whole), without filler words and bare numbers.
 */
const filler = new Set([
  'and',
  'the',
  'for',
  'with',
  'new',
  'used',
  'sale',
  'like',
  'set',
  'great',
  'good',
  'condition',
  'obo',
  'each',
  'from',
  'all',
  'only',
  'size',
  'one',
  'two',
  'of',
  'in',
  'on',
  'to',
  'a',
  'or',
  'w',
]);

/** The words of one title, in order, as a user would type them. */
export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((word) => word.replace(/^[-']+|[-']+$/g, ''))
    .filter((word) => word.length > 0);
}

/** True when a word makes a sensible single-word search on its own. */
export function isSearchableWord(word: string): boolean {
  return word.length >= 3 && !filler.has(word) && !/^\d+$/.test(word);
}

/** A title's searchable words and its adjacent word pairs (phrases), for the rule generator. */
export type TitleTerms = { readonly words: readonly string[]; readonly phrases: readonly string[] };

/** Splits every title into searchable words and two-word phrases (at least one word searchable). */
export function titleTerms(listings: readonly Listing[]): TitleTerms[] {
  return listings.map((listing) => {
    const words = titleWords(listing.title);
    const phrases: string[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (!filler.has(a) && !filler.has(b) && (isSearchableWord(a) || isSearchableWord(b))) {
        phrases.push(`${a} ${b}`);
      }
    }
    return { words: words.filter(isSearchableWord), phrases };
  });
}

/**
 * Distinct terms with a sampling weight of √(number of titles using them): popular items get
 * more rules, but not in proportion to their share of listings (with weights proportional to
 * frequency, one user in twenty would watch the single word "ford"). `pick` takes a uniform
 * number in [0, 1).
 */
export function createTermSampler(
  termsPerTitle: readonly (readonly string[])[],
): (uniform: number) => string {
  const counts = new Map<string, number>();
  for (const terms of termsPerTitle)
    for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const terms = [...counts.keys()];
  const cumulative = new Float64Array(terms.length);
  let total = 0;
  terms.forEach((term, index) => {
    total += Math.sqrt(counts.get(term)!);
    cumulative[index] = total;
  });
  return (uniform) => {
    const target = uniform * total;
    let low = 0;
    let high = terms.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return terms[low]!;
  };
}
