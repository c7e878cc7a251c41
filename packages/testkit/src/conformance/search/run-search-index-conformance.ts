import type { Listing, SearchIndexV1, SearchQueryV1 } from '@deal-scout/core';
import { expect, it } from 'vitest';
import { at, buildListing } from '../../builders';
import { type ConformanceOptions, collectPages, defineConformanceSuite } from '../define-suite';

/** Groups of search tests that can be turned off (capability-gated groups also follow `capabilities`). */
export type SearchIndexConformanceToggle =
  | 'filters'
  | 'geo'
  | 'facets'
  | 'fuzzy'
  | 'highlight'
  | 'suggestions';

/** Options of {@link runSearchIndexConformance}. */
export type SearchIndexConformanceOptions = ConformanceOptions<
  SearchIndexV1,
  SearchIndexConformanceToggle
> & {
  /** Makes writes visible to search (an Elasticsearch refresh); called after `index` and `remove`. */
  readonly settle?: (index: SearchIndexV1) => Promise<void>;
};

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A small catalogue with known answers. */
function catalogue(): Listing[] {
  return [
    buildListing({
      externalId: 's-ps5',
      title: 'Sony PlayStation 5 console',
      price: usd(35_000),
      postedAt: at(5),
      category: 'video-games',
      condition: 'like_new',
      location: { lat: 41.824, lon: -71.4128 },
    }),
    buildListing({
      externalId: 's-ps4',
      title: 'PlayStation 4 slim with games',
      price: usd(15_000),
      postedAt: at(4),
      category: 'video-games',
      condition: 'good',
      location: { lat: 42.3601, lon: -71.0589 },
    }),
    buildListing({
      externalId: 's-desk',
      title: 'Standing desk',
      description: 'Great for a PlayStation setup',
      price: usd(12_000),
      postedAt: at(3),
      category: 'furniture',
      condition: 'good',
    }),
    buildListing({
      externalId: 's-creme',
      title: 'Crème brûlée torch',
      brand: 'Bonjour',
      price: usd(2_000),
      postedAt: at(2),
      category: 'household',
      condition: 'new',
    }),
    buildListing({
      externalId: 's-bike',
      title: 'Trek road bike',
      price: usd(60_000),
      postedAt: at(1),
      category: 'bicycles',
      condition: 'excellent',
      marketplace: 'othermarket',
      status: 'sold',
    }),
    buildListing({
      externalId: 's-laptop',
      title: 'MacBook Pro laptop',
      brand: 'Apple',
      price: usd(90_000),
      postedAt: at(6),
      category: 'computers',
      condition: 'fair',
      location: { lat: 40.7128, lon: -74.006 },
    }),
  ];
}

/**
 * The `SearchIndexV1` conformance suite: indexing, replacing and removing; full-text matching
 * with case and accent folding and title-weighted relevance; every filter; sorts; cursor paging;
 * and, where `capabilities` say so, radius search, facets, typo tolerance, highlights and
 * suggestions.
 */
export function runSearchIndexConformance(options: SearchIndexConformanceOptions): void {
  defineConformanceSuite<SearchIndexV1, SearchIndexConformanceToggle, SearchIndexConformanceOptions>(
    'search index conformance',
    options,
    ({ getSubject, enabled }) => {
      const load = async (listings: Listing[] = catalogue()) => {
        const index = getSubject();
        await index.index(listings);
        await options.settle?.(index);
        return index;
      };
      const ids = async (index: SearchIndexV1, query: Omit<SearchQueryV1, 'limit'> & { limit?: number }) =>
        (await index.search({ limit: 100, ...query })).hits.map((hit) => hit.listingId.split(':')[1]);
      const can = (capability: keyof SearchIndexV1['capabilities']) =>
        // Evaluated inside tests, where the subject exists.
        getSubject().capabilities[capability];

      it('declares version v1, an id and boolean capabilities', () => {
        const index = getSubject();
        expect(index.specificationVersion).toBe('v1');
        expect(index.searchIndexId).toMatch(/^[a-z][a-z0-9-]*$/);
        for (const flag of ['fuzzy', 'facets', 'highlight', 'suggestions', 'geo'] as const) {
          expect(typeof index.capabilities[flag], flag).toBe('boolean');
        }
      });

      it('finds listings by words in any case and without accents, with a total', async () => {
        const index = await load();
        const result = await index.search({ text: 'PLAYSTATION', limit: 10 });
        expect(result.total).toBe(3);
        expect(result.hits.map((hit) => hit.listingId).sort()).toEqual(
          ['testmarket:s-desk', 'testmarket:s-ps4', 'testmarket:s-ps5'].sort(),
        );
        expect(await ids(index, { text: 'creme brulee' })).toEqual(['s-creme']);
        expect(await ids(index, { text: 'bonjour' })).toEqual(['s-creme']);
        expect(await ids(index, { text: 'zeppelin' })).toEqual([]);
      });

      it('ranks a title match above a description-only match', async () => {
        const index = await load();
        const hits = (await index.search({ text: 'playstation', limit: 10, sort: 'relevance' })).hits;
        expect(hits.at(-1)?.listingId).toBe('testmarket:s-desk');
        expect(hits[0]!.score).toBeGreaterThan(hits.at(-1)!.score);
      });

      it('replaces a re-indexed listing and forgets a removed one', async () => {
        const index = await load();
        const [ps5] = catalogue();
        await index.index([{ ...ps5!, title: 'Xbox Series X console' }]);
        await index.remove(['testmarket:s-laptop', 'testmarket:unknown']);
        await options.settle?.(index);
        expect(await ids(index, { text: 'xbox' })).toEqual(['s-ps5']);
        expect(await ids(index, { text: 'playstation' })).not.toContain('s-ps5');
        expect(await ids(index, { text: 'macbook' })).toEqual([]);
        expect((await index.search({ limit: 100 })).total).toBe(5);
      });

      it.skipIf(!enabled('filters'))('applies every filter, categories with their descendants', async () => {
        const index = await load();
        expect((await ids(index, { filters: { categories: ['electronics'] } })).sort()).toEqual([
          's-laptop',
          's-ps4',
          's-ps5',
        ]);
        expect(await ids(index, { filters: { conditions: ['new', 'fair'] }, sort: 'newest' })).toEqual([
          's-laptop',
          's-creme',
        ]);
        expect(await ids(index, { filters: { marketplaces: ['othermarket'] } })).toEqual(['s-bike']);
        expect(await ids(index, { filters: { statuses: ['sold'] } })).toEqual(['s-bike']);
        expect(
          await ids(index, {
            filters: { minPrice: usd(12_000), maxPrice: usd(35_000) },
            sort: 'price_ascending',
          }),
        ).toEqual(['s-desk', 's-ps4', 's-ps5']);
        expect(await ids(index, { text: 'playstation', filters: { categories: ['furniture'] } })).toEqual([
          's-desk',
        ]);
      });

      it('sorts newest first and by price both ways', async () => {
        const index = await load();
        expect(await ids(index, { sort: 'newest' })).toEqual([
          's-laptop',
          's-ps5',
          's-ps4',
          's-desk',
          's-creme',
          's-bike',
        ]);
        expect(await ids(index, { sort: 'price_ascending' })).toEqual([
          's-creme',
          's-desk',
          's-ps4',
          's-ps5',
          's-bike',
          's-laptop',
        ]);
        expect(await ids(index, { sort: 'price_descending' })).toEqual([
          's-laptop',
          's-bike',
          's-ps5',
          's-ps4',
          's-desk',
          's-creme',
        ]);
      });

      it('pages through every match exactly once', async () => {
        const many = Array.from({ length: 47 }, (_, index) =>
          buildListing({
            externalId: `p-${index}`,
            title: `Vintage camera lot ${index}`,
            postedAt: at(index % 5),
            category: 'cameras',
          }),
        );
        const index = await load(many);
        for (const sort of ['relevance', 'newest', 'price_ascending'] as const) {
          const { items, pages } = await collectPages(async (cursor) => {
            const result = await index.search({ text: 'camera', sort, limit: 10, cursor });
            expect(result.total).toBe(47);
            return { items: result.hits, nextCursor: result.nextCursor };
          });
          expect(pages, sort).toBe(5);
          expect(new Set(items.map((hit) => hit.listingId)).size, sort).toBe(47);
        }
      });

      it.skipIf(!enabled('geo'))('filters by radius when it supports geo', async ({ skip }) => {
        if (!can('geo')) skip();
        const index = await load();
        const providence = { lat: 41.824, lon: -71.4128 };
        expect((await ids(index, { filters: { near: { point: providence, radiusMi: 60 } } })).sort()).toEqual(
          ['s-ps4', 's-ps5'],
        );
        expect(await ids(index, { filters: { near: { point: providence, radiusMi: 5 } } })).toEqual([
          's-ps5',
        ]);
      });

      it.skipIf(!enabled('facets'))(
        'counts facets over all matches when it supports facets',
        async ({ skip }) => {
          if (!can('facets')) skip();
          const index = await load();
          const result = await index.search({ limit: 1, facets: ['category', 'condition', 'marketplace'] });
          expect(result.facets?.category).toMatchObject({ 'video-games': 2, furniture: 1, computers: 1 });
          expect(result.facets?.condition).toMatchObject({ good: 2, like_new: 1 });
          expect(result.facets?.marketplace).toMatchObject({ testmarket: 5, othermarket: 1 });
        },
      );

      it.skipIf(!enabled('fuzzy'))('tolerates a typo with fuzzy when it supports it', async ({ skip }) => {
        if (!can('fuzzy')) skip();
        const index = await load();
        expect(await ids(index, { text: 'macbok', fuzzy: true })).toEqual(['s-laptop']);
      });

      it.skipIf(!enabled('highlight'))(
        'highlights matched title words when it supports it',
        async ({ skip }) => {
          if (!can('highlight')) skip();
          const index = await load();
          const [hit] = (await index.search({ text: 'trek', limit: 1 })).hits;
          expect(hit?.highlights?.join(' ')).toMatch(/<mark>Trek<\/mark>/);
        },
      );

      it.skipIf(!enabled('suggestions'))(
        'suggests a correction when it supports suggestions',
        async ({ skip }) => {
          if (!can('suggestions')) skip();
          const index = await load();
          expect((await index.search({ text: 'playstatoin', limit: 5 })).didYouMean).toBe('playstation');
        },
      );
    },
  );
}
