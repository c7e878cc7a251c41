import {
  LimitExceededError,
  ListingParseError,
  type MarketplaceAccessV1,
  UnsupportedCapabilityError,
} from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { poshmarkDraft, poshmarkJson } from '../test/fixtures';
import { createPoshmarkMarketplace } from './create-poshmark-marketplace';
import { createMemoryShareCountStore } from './sharing/create-share-limiter';
import type { PoshmarkListingRequest, PoshmarkSearchRequest } from './transport/poshmark-transport';

const access: MarketplaceAccessV1 = {
  accountId: 'acct_p',
  externalAccountId: 'closet',
  accessToken: '',
  marketplaceData: {},
};

describe('createPoshmarkMarketplace', () => {
  it('performs nothing remote without a transport', () => {
    const adapter = createPoshmarkMarketplace();
    expect(adapter.capabilities).toMatchObject({
      search: false,
      publish: false,
      withdraw: false,
      soldListings: false,
      categorySuggestion: true,
    });
    expect(adapter.doSearch).toBeUndefined();
  });

  it('searches with Poshmark filters, including sold listings and fashion filters', async () => {
    const requests: PoshmarkSearchRequest[] = [];
    const adapter = createPoshmarkMarketplace({
      transport: {
        async search(request) {
          requests.push(request);
          return { listings: [poshmarkJson], nextCursor: null };
        },
      },
    });
    expect(adapter.capabilities.soldListings).toBe(true);
    const page = await adapter.doSearch!({
      query: 'madewell jeans',
      sort: 'newest',
      limit: 100,
      sold: true,
      categories: ['womens-clothing'],
      conditions: ['new', 'excellent', 'for_parts'],
      maxPrice: { amount: 5_050, currency: 'USD' },
      marketplaceOptions: { poshmark: { brands: ['Madewell'], sizes: ['27'], colors: ['Blue'] } },
    });
    expect(requests[0]).toEqual({
      query: 'madewell jeans',
      sortBy: 'added_desc',
      inventoryStatus: 'sold_out',
      count: 48,
      department: 'Women',
      conditions: ['nwt', 'like_new'],
      priceMax: 51,
      brands: ['Madewell'],
      sizes: ['27'],
      colors: ['Blue'],
    });
    expect(page.listings[0]?.id).toBe('poshmark:5c4f1b2a9fe4862bd5b1c0de');
  });

  it('fails a page with malformed JSON as a ListingParseError naming the result', async () => {
    const adapter = createPoshmarkMarketplace({
      transport: { search: async () => ({ listings: [poshmarkJson, { id: 'abc' }], nextCursor: null }) },
    });
    const error = await Promise.resolve(adapter.doSearch!({ sort: 'newest', limit: 5 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ListingParseError);
    expect((error as ListingParseError).issues[0]?.field).toMatch(/^listings\[1\]\./);
  });

  it('publishes with fashion metadata mapped to Poshmark terms', async () => {
    const sent: PoshmarkListingRequest[] = [];
    const adapter = createPoshmarkMarketplace({
      transport: {
        async publish({ listing }) {
          sent.push(listing);
          return { listingId: '64ab00ff' };
        },
      },
    });
    const draft = poshmarkDraft({ size: 'medium', colors: ['Blue', 'White'] });
    const result = await adapter.doPublish!({ draft, access, idempotencyKey: 'seller:jeans-27:poshmark' });
    expect(result).toEqual({
      externalId: '64ab00ff',
      url: 'https://poshmark.com/listing/64ab00ff',
      status: 'published',
    });
    expect(sent[0]).toEqual({
      sku: 'jeans-27',
      title: 'Madewell Perfect Vintage Jean',
      description: 'High rise, light wash.',
      price: { val: '38.00', currency_code: 'USD' },
      originalPrice: { val: '128.00', currency_code: 'USD' },
      brand: 'Madewell',
      size: 'M',
      colors: ['Blue', 'White'],
      condition: 'like_new',
      department: 'Women',
      category: 'Jeans',
      subcategory: null,
      styleTags: ['vintage'],
      pictureUrls: ['https://images.example.com/jeans.jpg'],
      quantity: 1,
      idempotencyKey: 'seller:jeans-27:poshmark',
    });
  });

  it('suggests department and category for canonical categories it can place', async () => {
    const adapter = createPoshmarkMarketplace();
    expect(await adapter.doSuggestCategory!({ title: 'Nike Air Max', category: 'shoes' })).toEqual([
      { marketplaceCategoryId: 'Women > Shoes', name: 'Shoes', requiredAttributes: ['brand', 'size'] },
    ]);
    expect(await adapter.doSuggestCategory!({ title: 'Table saw', category: 'tools' })).toEqual([]);
  });
});

describe('Poshmark sharing', () => {
  it('shares through the host until the daily cap, then refuses without calling the host', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const shared: string[] = [];
    const adapter = createPoshmarkMarketplace({
      dailyShareCap: 3,
      now: () => now,
      transport: { share: async ({ listingId }) => void shared.push(listingId) },
    });
    for (const id of ['a1', 'a2', 'a3']) await adapter.share({ listingId: id, accountId: 'acct_p' });
    expect(await adapter.sharesLeftToday('acct_p')).toBe(0);
    const error = await adapter
      .share({ listingId: 'a4', accountId: 'acct_p' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as LimitExceededError).limit).toBe(3);
    expect(shared).toEqual(['a1', 'a2', 'a3']);
    expect(await adapter.sharesLeftToday('another-account')).toBe(3);
    now = new Date('2026-03-02T00:00:01Z');
    expect(await adapter.share({ listingId: 'a4', accountId: 'acct_p' })).toEqual({ sharesLeftToday: 2 });
  });

  it('never exceeds the cap under concurrent shares on one store', async () => {
    const store = createMemoryShareCountStore();
    const shared: string[] = [];
    const make = () =>
      createPoshmarkMarketplace({
        dailyShareCap: 5,
        shareCountStore: store,
        transport: { share: async ({ listingId }) => void shared.push(listingId) },
      });
    const [one, two] = [make(), make()];
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? one : two).share({ listingId: `l${i}`, accountId: 'acct_p' }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    expect(shared).toHaveLength(5);
  });

  it('refuses sharing without a transport share and rejects bad input', async () => {
    await expect(
      createPoshmarkMarketplace().share({ listingId: 'x', accountId: 'y' }),
    ).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    const adapter = createPoshmarkMarketplace({ transport: { share: async () => {} } });
    await expect(adapter.share({ listingId: '', accountId: 'y' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'listingId',
    });
  });
});
