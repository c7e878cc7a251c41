import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryIds } from '../listing/categories';
import { conditions } from '../listing/condition';
import { type Listing, ListingSchema } from '../listing/listing';
import { type GeoPoint, haversineDistance } from '../listing/location';
import type { Money } from '../listing/money';
import type { MatchableRule } from './compiled-rule';
import type { CurrencyConverter } from './currency-converter';
import { createNaiveRuleMatcher } from './naive-rule-matcher';
import { createRuleIndex } from './rule-index';

/** Words chosen to exercise case, accents, plurals, punctuation and phrases. */
const words = [
  'gaming',
  'pc',
  'PCs',
  'chair',
  'Chairs',
  'café',
  'CAFES',
  'cafe',
  'battery',
  'Batteries',
  'box',
  'boxes',
  'iPhone',
  'iphones',
  'mac',
  'f-150',
  'ford',
  'news',
  'glass',
  'glasses',
  'movie',
  'Movies',
  'naïve',
  'über',
  "men's",
  'mens',
  'desk',
  'lamp',
];

/** Points near the edges of the geographic grid: the antimeridian, a pole, the equator, cell borders. */
const points: GeoPoint[] = [
  { lat: 41.824, lon: -71.4128 },
  { lat: 41.9, lon: -71.3 },
  { lat: 42, lon: -71 },
  { lat: 0, lon: 179.95 },
  { lat: 0.2, lon: -179.9 },
  { lat: 89.2, lon: 10 },
  { lat: -33.86, lon: 151.2 },
  { lat: 40.999999, lon: -72.000001 },
];

const marketplaces = ['ebay', 'facebook', 'offerup'];
const keyword = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(' '));
const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const money = fc.record({
  amount: fc.integer({ min: 0, max: 200_000 }),
  currency: fc.constantFrom('USD', 'EUR'),
});

const radius = fc.oneof(
  fc.double({ min: 0.1, max: 3000, noNaN: true }),
  // Exactly the distance to a known point, and the neighbouring doubles: the inclusive edge.
  fc
    .tuple(
      fc.integer({ min: 0, max: points.length - 1 }),
      fc.integer({ min: 0, max: points.length - 1 }),
      fc.integer({ min: -1, max: 1 }),
    )
    .map(([from, to, nudge]) => {
      const distance = haversineDistance(points[from]!, points[to]!, 'mi');
      return { from, distance: distance + nudge * Number.EPSILON * Math.max(1, distance) };
    }),
);

/** Mostly `absent`, sometimes a value: rules with every criterion set would almost never match. */
const sometimes = <T, E>(arbitrary: fc.Arbitrary<T>, absent: E, weight = 3) =>
  fc.oneof({ arbitrary: fc.constant(absent), weight }, { arbitrary, weight: 1 });

const rule = fc
  .record({
    keywords: sometimes(fc.array(keyword, { minLength: 1, maxLength: 3 }), [] as string[], 1),
    excludeKeywords: sometimes(fc.array(keyword, { minLength: 1, maxLength: 2 }), [] as string[]),
    categories: sometimes(
      fc.array(fc.constantFrom(...categoryIds), { minLength: 1, maxLength: 2 }),
      [] as string[],
    ),
    condition: sometimes(fc.constantFrom(...conditions), null),
    minPrice: sometimes(fc.integer({ min: 0, max: 100_000 }), null),
    maxPrice: sometimes(fc.integer({ min: 0, max: 150_000 }), null),
    currency: fc.constantFrom('USD', 'USD', 'EUR'),
    location: sometimes(fc.tuple(fc.integer({ min: 0, max: points.length - 1 }), radius), null, 2),
    minDealScore: sometimes(fc.double({ min: 0, max: 1, noNaN: true }), null),
    marketplaces: sometimes(fc.subarray(marketplaces, { minLength: 1, maxLength: 2 }), [] as string[]),
    enabled: fc.oneof(
      { arbitrary: fc.constant(true), weight: 4 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
  })
  .map((r): Omit<MatchableRule, 'id'> => {
    let center: GeoPoint | null = null;
    let radiusMi: number | null = null;
    if (r.location) {
      const [index, spec] = r.location;
      if (typeof spec === 'number') {
        center = points[index]!;
        radiusMi = spec;
      } else {
        center = points[spec.from]!;
        radiusMi = Math.max(1e-9, spec.distance);
      }
    }
    return {
      keywords: r.keywords,
      excludeKeywords: r.excludeKeywords,
      categories: r.categories as MatchableRule['categories'],
      condition: r.condition,
      minPrice: r.minPrice === null ? null : { amount: r.minPrice, currency: r.currency },
      maxPrice: r.maxPrice === null ? null : { amount: r.maxPrice, currency: r.currency },
      location: center,
      radiusMi,
      minDealScore: r.minDealScore,
      marketplaces: r.marketplaces,
      enabled: r.enabled,
    };
  });

const listing = fc
  .record({
    title: fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' - ', ', ', '/', ' ')), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.map(([word, separator]) => word + separator).join('')),
    brand: fc.option(fc.constantFrom('Ford', 'Apple', 'IKEA gaming'), { nil: undefined }),
    marketplace: fc.constantFrom(...marketplaces),
    status: fc.constantFrom('active', 'active', 'active', 'sold'),
    category: fc.option(fc.constantFrom(...categoryIds), { nil: undefined }),
    condition: fc.option(fc.constantFrom(...conditions), { nil: undefined }),
    price: money,
    point: fc.option(fc.integer({ min: 0, max: points.length - 1 }), { nil: undefined, freq: 4 }),
    dealScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    externalId: fc.nat(),
  })
  .map((l): Listing => {
    const externalId = `item-${l.externalId}`;
    return ListingSchema.parse({
      id: `${l.marketplace}:${externalId}`,
      marketplace: l.marketplace,
      externalId,
      title: l.title.trim() || 'x',
      ...(l.brand ? { brand: l.brand } : {}),
      price: l.price,
      status: l.status,
      ...(l.category ? { category: l.category } : {}),
      ...(l.condition ? { condition: l.condition } : {}),
      ...(l.point !== undefined ? { location: points[l.point] } : {}),
      ...(l.dealScore !== undefined ? { dealScore: l.dealScore } : {}),
      postedAt: '2026-01-05T09:00:00.000Z',
    });
  });

const eurToUsd: CurrencyConverter = (value, to) => {
  if (value.currency === to) return value;
  if (value.currency === 'EUR' && to === 'USD') return usd(Math.round(value.amount * 1.08));
  if (value.currency === 'USD' && to === 'EUR')
    return { amount: Math.round(value.amount / 1.08), currency: 'EUR' };
  return null;
};

const sorted = (ids: string[]) => [...ids].sort();

describe('RuleIndex against the naive matcher', () => {
  it('returns the same rule ids for random rules and listings', () => {
    let matches = 0;
    let radiusMatches = 0;
    const paths = {
      byKeyword: 0,
      byGrid: 0,
      byCategory: 0,
      byPrice: 0,
      byMarketplace: 0,
      scannedForEveryListing: 0,
    };
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 60 }),
        fc.array(listing, { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (rules, listings, withConverter) => {
          const settings = withConverter ? { convert: eurToUsd } : {};
          const index = createRuleIndex({ ...settings, maxGridCellsPerRule: 4 });
          const naive = createNaiveRuleMatcher(settings);
          rules.forEach((r, i) => {
            index.add({ ...r, id: `rule-${i}` });
            naive.add({ ...r, id: `rule-${i}` });
          });
          const stats = index.stats();
          for (const path of Object.keys(paths) as (keyof typeof paths)[]) paths[path] += stats[path];
          for (const l of listings) {
            const expected = sorted(naive.match(l));
            expect(sorted(index.match(l))).toEqual(expected);
            matches += expected.length;
            radiusMatches += expected.filter((id) => rules[Number(id.slice(5))]!.radiusMi !== null).length;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The generators must produce real matches, or equality would prove nothing.
    expect(matches).toBeGreaterThan(300);
    expect(radiusMatches).toBeGreaterThan(10);
    // Every access path of the index must have been exercised.
    for (const count of Object.values(paths)) expect(count).toBeGreaterThan(0);
  });

  it('stays equal through incremental updates, pauses and removals', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 40 }),
        fc.array(
          fc.record({
            target: fc.nat(),
            change: fc.oneof(fc.constant('remove' as const), fc.constant('pause' as const), rule),
          }),
          { maxLength: 40 },
        ),
        fc.array(listing, { minLength: 1, maxLength: 15 }),
        (rules, changes, listings) => {
          const index = createRuleIndex({ maxGridCellsPerRule: 4 });
          const naive = createNaiveRuleMatcher();
          const current = new Map<string, MatchableRule>();
          rules.forEach((r, i) => {
            const withId = { ...r, id: `rule-${i}` };
            current.set(withId.id, withId);
            index.add(withId);
            naive.add(withId);
          });
          for (const { target, change } of changes) {
            const id = `rule-${target % rules.length}`;
            if (change === 'remove') {
              const wasIndexed = index.has(id);
              expect(index.remove(id)).toBe(wasIndexed);
              naive.remove(id);
              current.delete(id);
            } else if (change === 'pause') {
              const existing = current.get(id);
              if (!existing) continue;
              const paused = { ...existing, enabled: false };
              current.set(id, paused);
              index.add(paused);
              naive.add(paused);
              expect(index.has(id)).toBe(false);
            } else {
              const updated = { ...change, id };
              current.set(id, updated);
              index.add(updated);
              naive.add(updated);
            }
          }
          for (const l of listings) expect(sorted(index.match(l))).toEqual(sorted(naive.match(l)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
