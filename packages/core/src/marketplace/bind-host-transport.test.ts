import { describe, expect, it } from 'vitest';
import { ListingParseError } from '../errors/listing-parse-error';
import { ValidationError } from '../errors/validation-error';
import type { ListingInput } from '../listing/listing';
import { type ListingDraft, ListingDraftSchema } from '../listing/listing-draft';
import {
  bindHostTransport,
  type HostListingTransport,
  type HostTransportBindingOptions,
  normaliseSearchResults,
} from './bind-host-transport';
import type { MarketplaceAccessV1 } from './v1/marketplace-publish-v1';

type SearchRequest = { readonly q: string; readonly signal?: AbortSignal };
type ListingRequest = { readonly title: string; readonly key: string; readonly category?: string };

const draft: ListingDraft = ListingDraftSchema.parse({
  sku: 'LAMP-1',
  title: 'Mid-century lamp',
  description: 'Brass, works.',
  price: { amount: 4500, currency: 'USD' },
  condition: 'good',
  category: 'household',
  images: ['https://example.com/lamp.jpg'],
});

const access: MarketplaceAccessV1 = {
  accountId: 'acct-1',
  externalAccountId: 'seller-9',
  accessToken: 'not-used',
  marketplaceData: {},
};

/** A listing JSON `{ id, title }` normalised into a listing of the fictional `swapmeet` marketplace. */
function normaliseListing(json: unknown): ListingInput {
  const raw = json as { id?: unknown; title?: unknown };
  if (typeof raw.id !== 'string' || typeof raw.title !== 'string') {
    throw new ListingParseError({
      message: 'Swapmeet listing JSON is malformed',
      source: 'swapmeet',
      issues: [{ field: typeof raw.id === 'string' ? 'title' : 'id', message: 'is required' }],
    });
  }
  return {
    id: `swapmeet:${raw.id}`,
    marketplace: 'swapmeet',
    externalId: raw.id,
    title: raw.title,
    price: { amount: 100, currency: 'USD' },
    postedAt: '2026-01-05T09:00:00.000Z',
  };
}

const binding: HostTransportBindingOptions<SearchRequest, ListingRequest> = {
  marketplaceId: 'swapmeet',
  displayName: 'Swapmeet',
  toSearchRequest: (options) => ({
    q: options.query ?? '',
    ...(options.signal ? { signal: options.signal } : {}),
  }),
  normaliseListing,
  toListingRequest: (source, options) => ({
    title: source.title,
    key: options.idempotencyKey,
    ...(options.marketplaceCategory ? { category: options.marketplaceCategory } : {}),
  }),
  listingUrl: (id) => `https://swapmeet.example/item/${id}`,
};

/** A transport that records every request it receives. */
function recordingTransport() {
  const calls: { method: string; request: unknown }[] = [];
  const transport: Required<HostListingTransport<SearchRequest, ListingRequest>> = {
    async search(request) {
      calls.push({ method: 'search', request });
      return { listings: [{ id: 'a1', title: 'Lamp' }], nextCursor: 'page-2' };
    },
    async getListing(request) {
      calls.push({ method: 'getListing', request });
      return request.listingId === 'gone' ? null : { id: request.listingId, title: 'Lamp' };
    },
    async publish(request) {
      calls.push({ method: 'publish', request });
      return { listingId: 'p-7' };
    },
    async update(request) {
      calls.push({ method: 'update', request });
    },
    async withdraw(request) {
      calls.push({ method: 'withdraw', request });
    },
  };
  return { transport, calls };
}

describe('bindHostTransport', () => {
  it('has no capability and no member without a transport', () => {
    const bound = bindHostTransport(undefined, binding);
    expect(bound.capabilities).toEqual({
      search: false,
      getListing: false,
      publish: false,
      update: false,
      withdraw: false,
    });
    expect(Object.keys(bound.methods)).toEqual([]);
  });

  it('turns on exactly the capabilities whose methods the transport supplies', () => {
    const { transport } = recordingTransport();
    const bound = bindHostTransport({ search: transport.search, withdraw: transport.withdraw }, binding);
    expect(bound.capabilities).toEqual({
      search: true,
      getListing: false,
      publish: false,
      update: false,
      withdraw: true,
    });
    expect(Object.keys(bound.methods).sort()).toEqual(['doSearch', 'doWithdraw']);
  });

  it('searches in the marketplace terms and normalises the page', async () => {
    const { transport, calls } = recordingTransport();
    const { methods } = bindHostTransport(transport, binding);
    const page = await methods.doSearch?.({ query: 'lamp', sort: 'newest', limit: 10 });
    expect(calls).toEqual([{ method: 'search', request: { q: 'lamp' } }]);
    expect(page?.nextCursor).toBe('page-2');
    expect(page?.listings.map((listing) => listing.id)).toEqual(['swapmeet:a1']);
  });

  it('names the malformed search result and prefixes its fields', async () => {
    const { methods } = bindHostTransport(
      {
        search: async () => ({
          listings: [{ id: 'a1', title: 'Lamp' }, { id: 'a2', title: 'Chair' }, { id: 'a3' }],
          nextCursor: null,
        }),
      },
      binding,
    );
    const error = await methods.doSearch?.({ sort: 'newest', limit: 10 }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ListingParseError);
    expect((error as ListingParseError).message).toContain(
      '[swapmeet] Swapmeet search result 2 is malformed (',
    );
    expect((error as ListingParseError).source).toBe('swapmeet');
    expect((error as ListingParseError).issues).toEqual([
      { field: 'listings[2].title', message: 'is required' },
    ]);
  });

  it('reads one listing, null when gone, without renaming a read error', async () => {
    const { transport, calls } = recordingTransport();
    const signal = new AbortController().signal;
    const { methods } = bindHostTransport(transport, binding);
    expect((await methods.doGetListing?.({ externalId: 'a9', signal }))?.id).toBe('swapmeet:a9');
    expect(await methods.doGetListing?.({ externalId: 'gone' })).toBeNull();
    expect(calls).toEqual([
      { method: 'getListing', request: { listingId: 'a9', signal } },
      { method: 'getListing', request: { listingId: 'gone' } },
    ]);
    const broken = bindHostTransport({ getListing: async () => ({ id: 'x' }) }, binding);
    await expect(broken.methods.doGetListing?.({ externalId: 'x' })).rejects.toThrow(
      'Swapmeet listing JSON is malformed',
    );
  });

  it('publishes with the idempotency key and category, falling back to listingUrl', async () => {
    const { transport, calls } = recordingTransport();
    const { methods } = bindHostTransport(transport, binding);
    const result = await methods.doPublish?.({
      draft,
      access,
      idempotencyKey: 'seller-9:LAMP-1:swapmeet',
      marketplaceCategoryId: 'Home > Lighting',
    });
    expect(result).toEqual({
      externalId: 'p-7',
      url: 'https://swapmeet.example/item/p-7',
      status: 'published',
    });
    expect(calls).toEqual([
      {
        method: 'publish',
        request: {
          listing: {
            title: 'Mid-century lamp',
            key: 'seller-9:LAMP-1:swapmeet',
            category: 'Home > Lighting',
          },
          accountId: 'acct-1',
        },
      },
    ]);
    const withUrl = bindHostTransport(
      { publish: async () => ({ listingId: 'p-8', url: 'https://swapmeet.example/p-8?ref=host' }) },
      binding,
    );
    expect((await withUrl.methods.doPublish?.({ draft, access, idempotencyKey: 'k' }))?.url).toBe(
      'https://swapmeet.example/p-8?ref=host',
    );
  });

  it('updates under an update key and withdraws with the reason', async () => {
    const { transport, calls } = recordingTransport();
    const { methods } = bindHostTransport(transport, binding);
    await methods.doUpdate?.({ externalId: 'p-7', draft, access });
    await methods.doWithdraw?.({ externalId: 'p-7', access, reason: 'sold_elsewhere' });
    expect(calls).toEqual([
      {
        method: 'update',
        request: {
          listingId: 'p-7',
          listing: { title: 'Mid-century lamp', key: 'update:p-7' },
          accountId: 'acct-1',
        },
      },
      { method: 'withdraw', request: { listingId: 'p-7', accountId: 'acct-1', reason: 'sold_elsewhere' } },
    ]);
  });

  it('calls the methods on the transport, so a class-based transport keeps its state', async () => {
    class Host {
      readonly withdrawn: string[] = [];
      async withdraw(request: { readonly listingId: string }) {
        this.withdrawn.push(request.listingId);
      }
    }
    const host = new Host();
    await bindHostTransport(host, binding).methods.doWithdraw?.({
      externalId: 'p-1',
      access,
      reason: 'seller_request',
    });
    expect(host.withdrawn).toEqual(['p-1']);
  });
});

describe('normaliseSearchResults', () => {
  it('lets errors other than ListingParseError through unchanged', () => {
    const boom = new ValidationError({ issues: [{ field: 'price', message: 'is required' }] });
    expect(() =>
      normaliseSearchResults(
        [{}],
        () => {
          throw boom;
        },
        binding,
      ),
    ).toThrow(boom);
  });
});
