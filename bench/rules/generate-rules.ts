import {
  type CategoryId,
  type Condition,
  categoryParent,
  type Listing,
  type MatchableRule,
  type Money,
} from '@deal-scout/core';
import { createTermSampler, type TitleTerms, titleTerms } from './title-vocabulary';

/** A small, fast, seedable PRNG (mulberry32), so every run generates the same rules. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The mix of generated rules, as shares of all rules. Keywords are words and adjacent word pairs
 * of the real titles, drawn with weight √(titles using them) (see `createTermSampler`); prices
 * are set around the price of a real listing of the same kind; radius centres are real vehicle
 * positions.
 */
export const ruleMix = {
  /** Rules with keywords; the rest use categories, prices and radius only. */
  withKeywords: 0.85,
  /** Of keywords: share that are two-word phrases. */
  phrase: 0.35,
  withExclusions: 0.2,
  /** Of keyword rules: share that also set a category. */
  keywordRuleCategory: 0.3,
  withMaxPrice: 0.7,
  /** Of rules with a maximum: share that also set a minimum. */
  withMinPrice: 0.3,
  withCondition: 0.15,
  /** Local marketplaces are searched around home: half the rules set a radius. */
  withRadius: 0.5,
  /**
   * Keyword-less rules browse a category near home under a price ("furniture under $200 within
   * 25 mi"); without the radius they would watch a whole category nationwide, which no user of a
   * local marketplace asks for and which would alert on a third of all listings.
   */
  keywordlessRadius: 1,
  withMinDealScore: 0.05,
  withMarketplaces: 0.1,
  radiiMi: [10, 25, 50, 100, 250],
} as const;

const conditionChoices: Condition[] = ['like_new', 'excellent', 'good', 'fair'];
const usd = (amount: number): Money => ({
  amount: Math.max(100, Math.round(amount / 100) * 100),
  currency: 'USD',
});

/**
 * Returns a function that builds rule number `i` of a seeded sequence from the real listings:
 * the same `i` always gives the same rule, so the index and the naive matcher can be fed
 * identical rules without keeping a million of them in memory.
 */
export function createRuleGenerator(listings: readonly Listing[], seed = 42): (i: number) => MatchableRule {
  const terms: TitleTerms[] = titleTerms(listings);
  const sources = listings.map((listing, index) => ({ listing, terms: terms[index]! }));
  const usable = sources.filter((source) => source.terms.words.length > 0);
  const located = listings.filter((listing) => listing.location?.lat !== undefined);
  const allWords = usable.flatMap((source) => source.terms.words);
  const sampleWord = createTermSampler(usable.map((source) => source.terms.words));
  const samplePhrase = createTermSampler(usable.map((source) => source.terms.phrases));
  // The listings a term comes from: a rule's price and category follow one of them.
  const sourcesOf = new Map<string, (typeof usable)[number][]>();
  for (const source of usable) {
    for (const term of new Set([...source.terms.words, ...source.terms.phrases])) {
      const list = sourcesOf.get(term) ?? [];
      list.push(source);
      sourcesOf.set(term, list);
    }
  }

  return (i) => {
    const random = createRandom(seed * 1_000_003 + i);
    const chance = (p: number) => random() < p;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let source = pick(usable);
    const keywords: string[] = [];
    if (chance(ruleMix.withKeywords)) {
      const count = chance(0.7) ? 1 : chance(0.66) ? 2 : 3;
      for (let k = 0; k < count; k++) {
        keywords.push(chance(ruleMix.phrase) ? samplePhrase(random()) : sampleWord(random()));
      }
      source = pick(sourcesOf.get(keywords[0]!) ?? [source]);
    }
    const category = source.listing.category;
    const categories: CategoryId[] = [];
    if (category && (keywords.length === 0 || chance(ruleMix.keywordRuleCategory))) {
      categories.push(chance(0.5) ? (categoryParent(category) ?? category) : category);
    }
    const price = source.listing.price.amount;
    const keywordless = keywords.length === 0;
    const maxPrice = keywordless || chance(ruleMix.withMaxPrice) ? usd(price * (0.6 + random())) : null;
    const minPrice = maxPrice && chance(ruleMix.withMinPrice) ? usd(price * 0.3 * random()) : null;
    let location: MatchableRule['location'] = null;
    let radiusMi: number | null = null;
    if (located.length > 0 && chance(keywordless ? ruleMix.keywordlessRadius : ruleMix.withRadius)) {
      const centre = pick(located).location!;
      location = { lat: centre.lat! + (random() - 0.5) * 0.2, lon: centre.lon! + (random() - 0.5) * 0.2 };
      radiusMi = pick(ruleMix.radiiMi);
    }
    return {
      id: `rule_${i}`,
      enabled: true,
      keywords,
      excludeKeywords: chance(ruleMix.withExclusions) ? [pick(allWords)] : [],
      categories,
      condition: chance(ruleMix.withCondition) ? pick(conditionChoices) : null,
      minPrice,
      maxPrice,
      location,
      radiusMi,
      minDealScore: chance(ruleMix.withMinDealScore) ? 0.5 + random() / 2 : null,
      marketplaces: chance(ruleMix.withMarketplaces) ? [pick(['craigslist', 'ebay', 'facebook'])] : [],
    };
  };
}
