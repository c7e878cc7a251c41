import EventEmitter from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error';
import { RateLimitedError } from '../errors/rate-limited-error';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error';
import { ValidationError } from '../errors/validation-error';
import type { ListingInput } from '../listing/listing';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import type { MarketplaceCapabilitiesV1 } from '../marketplace/v1/marketplace-capabilities-v1';
import { createManualClock } from '../memory/manual-clock';
import { defaultRetryPolicy } from './call-with-retries';
import { createMarketplaceClient } from './marketplace-client';
import type { DealScoutEmitter } from './runtime-context';

const none: MarketplaceCapabilitiesV1 = {
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
};

function listing(externalId: string, marketplace = 'test'): ListingInput {
  return {
    id: `${marketplace}:${externalId}`,
    marketplace,
    externalId,
    title: `Item ${externalId}`,
    price: { amount: 1000, currency: 'USD' },
    postedAt: '2026-01-01T00:00:00Z',
  };
}

function adapter(overrides: Partial<MarketplaceAdapterV1> = {}): MarketplaceAdapterV1 {
  return {
    specificationVersion: 'v1',
    marketplaceId: 'test',
    displayName: 'Test',
    capabilities: { ...none, search: true },
    limits: { requestsPerSecond: 1000, concurrency: 2, dailyCallBudget: null },
    doSearch: async () => ({ listings: [listing('1')], nextCursor: null }),
    ...overrides,
  };
}

function client(overrides: Partial<MarketplaceAdapterV1> = {}, clock = createManualClock()) {
  const events: DealScoutEmitter = new EventEmitter();
  return createMarketplaceClient({ adapter: adapter(overrides), clock, events, retry: defaultRetryPolicy });
}

describe('createMarketplaceClient', () => {
  it('refuses adapters of another specification version', () => {
    expect(() => client({ specificationVersion: 'v2' as 'v1' })).toThrow(ConfigurationError);
  });

  it('refuses adapters that declare a capability without its method', () => {
    expect(() => client({ capabilities: { ...none, publish: true } })).toThrow(
      /declares 'publish' but has no doPublish/,
    );
  });

  it('answers an unsupported operation with UnsupportedCapabilityError', async () => {
    await expect(client().getListing('1')).rejects.toBeInstanceOf(UnsupportedCapabilityError);
  });

  it('validates search options and names the offending field', async () => {
    const error = await client()
      .search({ limit: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('limit');
  });

  it('validates adapter output: bad listings and foreign marketplaces are rejected, the rest returned', async () => {
    const result = await client({
      doSearch: async () => ({
        listings: [
          listing('1'),
          { ...listing('2'), price: { amount: -5, currency: 'USD' } },
          listing('3', 'other'),
        ],
        nextCursor: 'next',
        total: 3,
      }),
    }).search({ query: 'bike' });
    expect(result.listings.map((l) => l.id)).toEqual(['test:1']);
    expect(result.rejected.map((e) => e.code)).toEqual(['LISTING_PARSE_FAILED', 'LISTING_PARSE_FAILED']);
    expect(result.rejected[0]?.issues[0]?.field).toBe('price.amount');
    expect(result.nextCursor).toBe('next');
    expect(result.total).toBe(3);
  });

  it('fills defaults before calling the adapter', async () => {
    let seen: unknown;
    await client({
      doSearch: async (options) => {
        seen = options;
        return { listings: [], nextCursor: null };
      },
    }).search({ query: 'lamp' });
    expect(seen).toMatchObject({ query: 'lamp', sort: 'newest', limit: 50 });
  });

  it('enforces the daily call budget and reports when it resets', async () => {
    const clock = createManualClock('2026-03-10T18:00:00.000Z');
    const c = client({ limits: { requestsPerSecond: 1000, concurrency: 1, dailyCallBudget: 2 } }, clock);
    await c.search({});
    await c.search({});
    expect(c.remainingDailyCalls()).toBe(0);
    const error = await c.search({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(6 * 3600 * 1000);
  });

  it('never runs more calls at once than the adapter allows', async () => {
    let inFlight = 0;
    let peak = 0;
    const c = client({
      doSearch: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return { listings: [], nextCursor: null };
      },
    });
    await Promise.all(Array.from({ length: 8 }, () => c.search({})));
    expect(peak).toBe(2);
  });
});
