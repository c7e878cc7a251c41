import {
  type ListingDraft,
  ListingDraftSchema,
  ListingSchema,
  type MarketplaceAdapterV1,
  type MarketplaceCapabilitiesV1,
  type MarketplaceSearchOptionsV1,
} from '@deal-scout/core';
import { expect, it } from 'vitest';
import { type ConformanceOptions, defineConformanceSuite } from '../define-suite';

/** Groups of marketplace tests that can be turned off. */
export type MarketplaceConformanceToggle = 'search' | 'paging' | 'getListing' | 'getListingMissing' | 'sold';

/** Options of {@link runMarketplaceConformance}. */
export type MarketplaceConformanceOptions = ConformanceOptions<
  MarketplaceAdapterV1,
  MarketplaceConformanceToggle
> & {
  /** A search your simulated marketplace answers with at least one listing (default: newest, limit 10). */
  readonly search?: Partial<MarketplaceSearchOptionsV1>;
  /** Pages to follow at most when checking that paging ends (default 5). */
  readonly maxPages?: number;
  /** An external id `doGetListing` finds (default: the first search result's). */
  readonly knownExternalId?: string;
  /** An external id the marketplace does not know (default `deal-scout-missing-0`). */
  readonly missingExternalId?: string;
  /** A draft this marketplace rejects (default: one with a 300-character title and a bad price). */
  readonly badDraft?: ListingDraft;
  /** A draft this marketplace accepts; when given, `validateDraft` must return no issues for it. */
  readonly goodDraft?: ListingDraft;
};

/** Each capability and the member it promises. */
const members: Record<
  Exclude<keyof MarketplaceCapabilitiesV1, 'soldListings'>,
  keyof MarketplaceAdapterV1
> = {
  search: 'doSearch',
  getListing: 'doGetListing',
  publish: 'doPublish',
  update: 'doUpdate',
  withdraw: 'doWithdraw',
  imageUpload: 'doUploadImage',
  categorySuggestion: 'doSuggestCategory',
  oauth: 'oauth',
  webhooks: 'webhooks',
};

const defaultBadDraft = (): ListingDraft =>
  ListingDraftSchema.parse({
    sku: 'conformance-bad-1',
    title: 'x'.repeat(300),
    description: 'A draft no marketplace accepts: its title is far too long.',
    price: { amount: 0, currency: 'USD' },
    condition: 'good',
    category: 'other',
    images: ['https://example.com/image.jpg'],
  });

/**
 * The `MarketplaceAdapterV1` conformance suite: contract shape; capability honesty (a member exists
 * exactly when its capability is true); search output that validates against `ListingSchema` with
 * ids `<marketplaceId>:<externalId>`; paging that ends without repeating listings; `doGetListing`
 * for known and unknown ids; sold-only searches; and `validateDraft` reporting a bad draft.
 */
export function runMarketplaceConformance(options: MarketplaceConformanceOptions): void {
  defineConformanceSuite<MarketplaceAdapterV1, MarketplaceConformanceToggle, MarketplaceConformanceOptions>(
    'marketplace conformance',
    options,
    ({ getSubject, enabled }) => {
      const searchOptions = (
        extra: Partial<MarketplaceSearchOptionsV1> = {},
      ): MarketplaceSearchOptionsV1 => ({
        sort: 'newest',
        limit: 10,
        ...options.search,
        ...extra,
      });
      const expectValidListing = (input: unknown) => {
        const adapter = getSubject();
        const result = ListingSchema.safeParse(input);
        expect(
          result.success ? null : result.error.issues,
          'listing validates against ListingSchema',
        ).toBeNull();
        const listing = ListingSchema.parse(input);
        expect(listing.marketplace).toBe(adapter.marketplaceId);
        expect(listing.id).toBe(`${adapter.marketplaceId}:${listing.externalId}`);
        return listing;
      };

      it('declares version v1, ids, boolean capabilities and positive limits', () => {
        const adapter = getSubject();
        expect(adapter.specificationVersion).toBe('v1');
        expect(adapter.marketplaceId).toMatch(/^[a-z][a-z0-9-]{0,31}$/);
        expect(adapter.displayName.trim()).not.toBe('');
        for (const [flag, value] of Object.entries(adapter.capabilities))
          expect(typeof value, flag).toBe('boolean');
        expect(Object.keys(adapter.capabilities).sort()).toEqual(
          [...Object.keys(members), 'soldListings'].sort(),
        );
        expect(adapter.limits.requestsPerSecond).toBeGreaterThan(0);
        expect(adapter.limits.concurrency).toBeGreaterThanOrEqual(1);
        if (adapter.limits.dailyCallBudget !== null)
          expect(adapter.limits.dailyCallBudget).toBeGreaterThan(0);
      });

      it('has a member exactly when its capability is true', () => {
        const adapter = getSubject();
        for (const [capability, member] of Object.entries(members) as [
          keyof typeof members,
          keyof MarketplaceAdapterV1,
        ][]) {
          const present = adapter[member] !== undefined;
          expect(present, `${member} present iff capabilities.${capability}`).toBe(
            adapter.capabilities[capability],
          );
        }
        if (adapter.capabilities.soldListings) expect(adapter.capabilities.search).toBe(true);
        if (adapter.capabilities.publish) expect(typeof adapter.validateDraft).toBe('function');
        if (adapter.capabilities.oauth) expect(typeof adapter.oauth?.doExchangeCode).toBe('function');
        if (adapter.capabilities.webhooks) expect(typeof adapter.webhooks?.doHandle).toBe('function');
      });

      it.skipIf(!enabled('search'))(
        'returns valid listings with canonical ids from a search',
        async ({ skip }) => {
          const adapter = getSubject();
          if (!adapter.capabilities.search) skip();
          const options = searchOptions();
          const page = await adapter.doSearch!(options);
          expect(page.listings.length).toBeGreaterThan(0);
          expect(page.listings.length).toBeLessThanOrEqual(options.limit);
          for (const listing of page.listings) expectValidListing(listing);
          expect(
            page.nextCursor === null || (typeof page.nextCursor === 'string' && page.nextCursor !== ''),
          ).toBe(true);
          if (page.total !== undefined) expect(page.total).toBeGreaterThanOrEqual(page.listings.length);
        },
      );

      it.skipIf(!enabled('paging'))('pages to an end without repeating a listing', async ({ skip }) => {
        const adapter = getSubject();
        if (!adapter.capabilities.search) skip();
        const seen = new Set<string>();
        const cursors = new Set<string>();
        let cursor: string | null = null;
        for (let page = 0; page < (options.maxPages ?? 5); page++) {
          const result = await adapter.doSearch!(searchOptions(cursor ? { cursor } : {}));
          for (const listing of result.listings) {
            const { id } = expectValidListing(listing);
            expect(seen.has(id), `listing ${id} repeated on page ${page + 1}`).toBe(false);
            seen.add(id);
          }
          cursor = result.nextCursor;
          if (cursor === null) break;
          expect(cursors.has(cursor), 'a cursor came back twice').toBe(false);
          cursors.add(cursor);
        }
        expect(seen.size).toBeGreaterThan(0);
      });

      it.skipIf(!enabled('sold'))(
        'returns only sold listings when asked and it supports them',
        async ({ skip }) => {
          const adapter = getSubject();
          if (!adapter.capabilities.soldListings) skip();
          const page = await adapter.doSearch!(searchOptions({ sold: true }));
          expect(Array.isArray(page.listings)).toBe(true);
          for (const listing of page.listings) expect(expectValidListing(listing).status).toBe('sold');
        },
      );

      it.skipIf(!enabled('getListing'))('gets a known listing by external id', async ({ skip }) => {
        const adapter = getSubject();
        if (!adapter.capabilities.getListing) skip();
        let externalId = options.knownExternalId;
        if (!externalId && adapter.capabilities.search) {
          externalId = (await adapter.doSearch!(searchOptions())).listings[0]?.externalId;
        }
        expect(externalId, 'set knownExternalId when the adapter cannot search').toBeTypeOf('string');
        const listing = expectValidListing(await adapter.doGetListing!({ externalId: externalId! }));
        expect(listing.externalId).toBe(externalId);
      });

      it.skipIf(!enabled('getListingMissing'))(
        'answers null for an unknown external id',
        async ({ skip }) => {
          const adapter = getSubject();
          if (!adapter.capabilities.getListing) skip();
          expect(
            await adapter.doGetListing!({ externalId: options.missingExternalId ?? 'deal-scout-missing-0' }),
          ).toBeNull();
        },
      );

      it('reports issues for a bad draft and none for a good one, when it validates drafts', ({ skip }) => {
        const adapter = getSubject();
        if (!adapter.validateDraft) skip();
        const issues = adapter.validateDraft!(options.badDraft ?? defaultBadDraft());
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.field).toBeTypeOf('string');
          expect(issue.message.trim()).not.toBe('');
        }
        if (options.goodDraft) expect(adapter.validateDraft!(options.goodDraft)).toEqual([]);
      });
    },
  );
}
