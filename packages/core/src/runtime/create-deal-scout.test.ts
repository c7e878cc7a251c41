import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error';
import { NotFoundError } from '../errors/not-found-error';
import { StorageError } from '../errors/storage-error';
import { ValidationError } from '../errors/validation-error';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import { createMemoryStorage } from '../memory';
import { createManualClock } from '../memory/manual-clock';
import { createDealScout } from './create-deal-scout';
import { silentLogger } from './logger';

const base = {
  marketplace: 'craigslist',
  title: 'Trek road bike 54cm',
  price: { amount: 25_000, currency: 'usd' },
  postedAt: '2024-03-14T12:00:00Z',
};

function scout(options: Parameters<typeof createDealScout>[0] = {}) {
  return createDealScout({
    clock: createManualClock('2026-03-01T12:00:00Z'),
    logger: silentLogger,
    ...options,
  });
}

describe('createDealScout', () => {
  it('runs on in-memory defaults with no configuration', async () => {
    const s = createDealScout({ logger: silentLogger });
    const result = await s.ingest([{ ...base, externalId: '1' }]);
    expect(result.created).toBe(1);
    expect((await s.listings.get('craigslist:1')).price).toEqual({ amount: 25_000, currency: 'USD' });
    await s.close();
  });

  it('refuses adapters of another contract version and duplicate marketplaces', () => {
    const adapter = {
      specificationVersion: 'v1',
      marketplaceId: 'acme',
      displayName: 'Acme',
      capabilities: {
        search: false,
        getListing: false,
        publish: false,
        update: false,
        withdraw: false,
        imageUpload: false,
        categorySuggestion: false,
        oauth: false,
        webhooks: false,
        soldListings: false,
      },
      limits: { requestsPerSecond: 1, concurrency: 1, dailyCallBudget: null },
    } satisfies MarketplaceAdapterV1;
    expect(() => scout({ marketplaces: [{ ...adapter, specificationVersion: 'v2' as 'v1' }] })).toThrow(
      ConfigurationError,
    );
    expect(() => scout({ marketplaces: [adapter, adapter] })).toThrow(/two adapters for marketplace 'acme'/);
    expect(() => scout({ storage: { specificationVersion: 'v0' } as never })).toThrow(ConfigurationError);
    expect(scout({ marketplaces: [adapter] }).marketplaceIds).toEqual(['acme']);
  });

  it('validates settings with a ValidationError naming the field', () => {
    const error = (() => {
      try {
        scout({ retry: { maxAttempts: 0 } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('retry.maxAttempts');
  });

  it('answers unknown listings and marketplaces with NotFoundError and bad ids with ValidationError', async () => {
    const s = scout();
    await expect(s.listings.get('craigslist:404')).rejects.toBeInstanceOf(NotFoundError);
    await expect(s.listings.get('')).rejects.toBeInstanceOf(ValidationError);
    expect(() => s.marketplace('nowhere')).toThrow(NotFoundError);
  });
});

describe('scout.ingest', () => {
  it('reports bad listings one by one and stores the rest', async () => {
    const s = scout();
    const rejected: (string | null)[] = [];
    s.on('listing.rejected', ({ id }) => rejected.push(id));
    const result = await s.ingest([
      { ...base, externalId: '1' },
      { ...base, externalId: '2', price: { amount: -1, currency: 'USD' } },
      'not a listing',
      { ...base, externalId: '3', title: '' },
      { ...base, externalId: '4' },
    ]);
    expect(result).toMatchObject({ received: 5, created: 2, rejected: 3 });
    expect(result.rejections.map((r) => [r.index, r.error.code, (r.error as ValidationError).field])).toEqual(
      [
        [1, 'VALIDATION_FAILED', 'listings[1].price.amount'],
        [2, 'VALIDATION_FAILED', 'listings[2]'],
        [3, 'VALIDATION_FAILED', 'listings[3].title'],
      ],
    );
    expect(rejected).toEqual(['craigslist:2', null, 'craigslist:3']);
    expect(await s.storage.listings.count()).toBe(2);
  });

  it('answers a non-array with a ValidationError and writes nothing', async () => {
    const s = scout();
    await expect(s.ingest({ ...base } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(await s.storage.listings.count()).toBe(0);
  });

  it('records price changes and status changes, with events, and is idempotent', async () => {
    const clock = createManualClock('2026-03-01T12:00:00Z');
    const s = scout({ clock });
    const events: string[] = [];
    s.on('listing.created', () => events.push('created'));
    s.on('listing.updated', () => events.push('updated'));
    s.on('listing.price_changed', ({ previousPrice }) => events.push(`price from ${previousPrice.amount}`));
    s.on('listing.status_changed', ({ previousStatus }) => events.push(`status from ${previousStatus}`));

    await s.ingest([{ ...base, externalId: '1' }]);
    await clock.advance(60_000);
    const again = await s.ingest([{ ...base, externalId: '1' }]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, priceChanged: 0 });
    await clock.advance(60_000);
    await s.ingest([{ ...base, externalId: '1', price: { amount: 20_000, currency: 'USD' } }]);
    await clock.advance(60_000);
    await s.ingest([
      {
        ...base,
        externalId: '1',
        price: { amount: 20_000, currency: 'USD' },
        status: 'sold',
        soldPrice: { amount: 19_000, currency: 'USD' },
      },
    ]);

    expect(events).toEqual(['created', 'updated', 'price from 25000', 'updated', 'status from active']);
    const history = await s.listings.priceHistory('craigslist:1');
    expect(history.map((p) => [p.price.amount, p.observedAt])).toEqual([
      [25_000, '2026-03-01T12:00:00.000Z'],
      [20_000, '2026-03-01T12:02:00.000Z'],
    ]);
  });

  it('keeps the last occurrence of an id within one batch', async () => {
    const s = scout();
    const result = await s.ingest([
      { ...base, externalId: '1', title: 'first' },
      { ...base, externalId: '1', title: 'second' },
    ]);
    expect(result.created).toBe(1);
    expect((await s.listings.get('craigslist:1')).title).toBe('second');
  });

  it('indexes stored listings for search', async () => {
    const s = scout();
    await s.ingest([
      { ...base, externalId: '1', title: 'Trek road bike 54cm' },
      { ...base, externalId: '2', title: 'Oak dining table' },
    ]);
    const result = await s.listings.search({ text: 'bike' });
    expect(result.items.map((item) => item.listing.id)).toEqual(['craigslist:1']);
    await expect(s.listings.search({ limit: 1000 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports a failing reaction as an error event without losing the stored batch', async () => {
    const s = scout({
      search: {
        specificationVersion: 'v1',
        searchIndexId: 'broken',
        capabilities: { fuzzy: false, facets: false, highlight: false, suggestions: false, geo: false },
        index: async () => {
          throw new Error('index down');
        },
        remove: async () => {},
        search: async () => ({ hits: [], total: 0, nextCursor: null }),
      },
    });
    const errors: string[] = [];
    s.on('error', ({ context, error }) => errors.push(`${context}: ${error.code}`));
    const result = await s.ingest([{ ...base, externalId: '1' }]);
    expect(result.created).toBe(1);
    expect(errors).toEqual(["ingest react stage 'search-index': ADAPTER_FAILED"]);
    expect(await s.storage.listings.count()).toBe(1);
  });

  it('surfaces a storage failure and acknowledges nothing', async () => {
    const storage = createMemoryStorage();
    const failing = {
      ...storage,
      listings: {
        ...storage.listings,
        upsertMany: async () => {
          throw new StorageError({ message: 'connection lost', isRetryable: true });
        },
      },
    };
    const s = scout({ storage: failing });
    const error = await s.ingest([{ ...base, externalId: '1' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).isRetryable).toBe(true);
    expect(await storage.listings.count()).toBe(0);
  });
});
