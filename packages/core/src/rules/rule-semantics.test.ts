import { describe, expect, it } from 'vitest';
import { type Listing, type ListingInput, ListingSchema } from '../listing/listing';
import { usd } from '../listing/money';
import type { MatchableRule } from './compiled-rule';
import { createNaiveRuleMatcher } from './naive-rule-matcher';
import { explainRuleMatch } from './rule-semantics';
import { ruleRecord } from './testing/rule-record';

const providence = { lat: 41.824, lon: -71.4128 };

function listing(overrides: Partial<ListingInput> = {}): Listing {
  return ListingSchema.parse({
    id: 'ebay:1',
    marketplace: 'ebay',
    externalId: '1',
    title: 'Custom Gaming PC, RTX 3060',
    price: usd(450),
    postedAt: '2026-01-05T09:00:00Z',
    ...overrides,
  });
}

function rule(overrides: Partial<MatchableRule> = {}): MatchableRule {
  return ruleRecord(overrides);
}

const matches = (
  r: Partial<MatchableRule>,
  l: Partial<ListingInput> = {},
  convert?: Parameters<typeof explainRuleMatch>[2],
) => explainRuleMatch(rule(r), listing(l), convert).matched;

describe('rule semantics', () => {
  it('ORs keywords and matches phrases as adjacent words, whatever the case, accents and plurals', () => {
    expect(matches({ keywords: ['laptop', 'gaming pc'] })).toBe(true);
    expect(matches({ keywords: ['GAMING PCS'] })).toBe(true);
    expect(matches({ keywords: ['pc gaming'] })).toBe(false);
    expect(matches({ keywords: ['café'] }, { title: 'Cafe tables' })).toBe(true);
    expect(matches({ keywords: ['cafe table'] }, { title: 'CAFÉ TABLES' })).toBe(true);
    expect(matches({ keywords: ['game'] })).toBe(false);
  });

  it('vetoes a match on any excluded keyword', () => {
    expect(matches({ keywords: ['gaming'], excludeKeywords: ['mac', 'rtx 3060'] })).toBe(false);
    expect(matches({ keywords: ['gaming'], excludeKeywords: ['mac', 'rtx 3070'] })).toBe(true);
  });

  it('matches a category and its descendants, not its parent', () => {
    expect(matches({ categories: ['electronics'] }, { category: 'computers' })).toBe(true);
    expect(matches({ categories: ['computers'] }, { category: 'computers' })).toBe(true);
    expect(matches({ categories: ['computers'] }, { category: 'electronics' })).toBe(false);
    expect(matches({ categories: ['computers'] }, {})).toBe(false);
  });

  it('treats condition as a minimum on the canonical scale; unknown condition never matches', () => {
    expect(matches({ condition: 'good' }, { condition: 'like_new' })).toBe(true);
    expect(matches({ condition: 'good' }, { condition: 'good' })).toBe(true);
    expect(matches({ condition: 'good' }, { condition: 'fair' })).toBe(false);
    expect(matches({ condition: 'good' }, {})).toBe(false);
  });

  it('compares prices inclusively in the rule currency, converting only with a converter', () => {
    expect(matches({ minPrice: usd(450), maxPrice: usd(450) })).toBe(true);
    expect(matches({ maxPrice: usd(449.99) })).toBe(false);
    expect(matches({ minPrice: usd(450.01) })).toBe(false);
    const euros = { price: { amount: 40_000, currency: 'EUR' } };
    expect(matches({ maxPrice: usd(450) }, euros)).toBe(false);
    const convert = {
      convert: (value: { amount: number; currency: string }, to: string) =>
        value.currency === 'EUR' && to === 'USD' ? usd((value.amount / 100) * 1.1) : null,
    };
    expect(matches({ maxPrice: usd(450) }, euros, convert)).toBe(true);
    expect(matches({ maxPrice: usd(439) }, euros, convert)).toBe(false);
  });

  it('matches a radius inclusively and never a listing without coordinates', () => {
    const near = { location: { lat: 41.9, lon: -71.4 } };
    expect(matches({ location: providence, radiusMi: 10 }, near)).toBe(true);
    expect(matches({ location: providence, radiusMi: 5 }, near)).toBe(false);
    expect(matches({ location: providence, radiusMi: 10 }, { location: { city: 'Providence' } })).toBe(false);
    expect(matches({ location: providence, radiusMi: 10 }, {})).toBe(false);
  });

  it('requires a deal score when the rule sets a minimum', () => {
    expect(matches({ minDealScore: 0.7 }, { dealScore: 0.7 })).toBe(true);
    expect(matches({ minDealScore: 0.7 }, { dealScore: 0.69 })).toBe(false);
    expect(matches({ minDealScore: 0.7 }, {})).toBe(false);
  });

  it('filters marketplaces, and never matches disabled rules or listings that are not active', () => {
    expect(matches({ keywords: ['gaming'], marketplaces: ['ebay'] })).toBe(true);
    expect(matches({ keywords: ['gaming'], marketplaces: ['facebook'] })).toBe(false);
    expect(matches({ keywords: ['gaming'], enabled: false })).toBe(false);
    expect(matches({ keywords: ['gaming'] }, { status: 'sold' })).toBe(false);
  });

  it('explains a match criterion by criterion', () => {
    const explanation = explainRuleMatch(
      rule({
        keywords: ['gaming pc'],
        excludeKeywords: ['mac'],
        categories: ['electronics'],
        condition: 'good',
        maxPrice: usd(500),
        location: providence,
        radiusMi: 25,
        minDealScore: 0.5,
      }),
      listing({ category: 'computers', condition: 'excellent', location: providence, dealScore: 0.82 }),
    );
    expect(explanation).toEqual({
      matched: true,
      failedCriterion: null,
      reasons: [
        'keyword "gaming pc"',
        'no excluded keyword',
        'category computers within electronics',
        'condition excellent meets minimum good',
        'price $450.00 ≤ $500.00',
        '0.0 mi away, within 25 mi',
        'deal score 0.82 ≥ 0.50',
      ],
    });
    expect(explainRuleMatch(rule({ keywords: ['laptop'] }), listing()).failedCriterion).toBe('keywords');
  });

  it('the naive matcher returns the ids of every matching rule', () => {
    const naive = createNaiveRuleMatcher();
    naive.add(rule({ id: 'a', keywords: ['gaming'] }));
    naive.add(rule({ id: 'b', keywords: ['laptop'] }));
    naive.add(rule({ id: 'c', maxPrice: usd(500) }));
    expect(naive.match(listing())).toEqual(['a', 'c']);
    expect(naive.remove('a')).toBe(true);
    expect(naive.match(listing())).toEqual(['c']);
  });
});
