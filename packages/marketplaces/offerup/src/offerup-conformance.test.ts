import { ListingDraftSchema } from '@deal-scout/core';
import { runMarketplaceConformance } from '@deal-scout/testkit';
import { createOfferUpMarketplace } from './create-offerup-marketplace';
import type { OfferUpTransport } from './transport/offerup-transport';

/** Twelve OfferUp detail listings, newest first, as a host transport would hand them back. */
const fixture = Array.from({ length: 12 }, (_, index) => ({
  listingId: `ou-${1000 + index}`,
  title: `Road bike ${index}`,
  price: String(100 + index * 5),
  condition: index % 2 ? 'USED' : 'OPEN_BOX',
  postDate: new Date(Date.UTC(2026, 1, 28 - index)).toISOString(),
  state: 'LISTED',
  photos: [{ detail: { url: `https://images.offerup.example/${index}.jpg` } }],
  locationDetails: { latitude: 41.82, longitude: -71.41, locationName: 'Providence, RI' },
  listingCategory: { categoryV2: { l1Name: 'Sports & Outdoors', l2Name: 'Bicycles' } },
}));

/** A transport over the fixture: pages of `limit`, the cursor is the next offset. */
const transport: OfferUpTransport = {
  async search(request) {
    const offset = Number(request.cursor ?? 0);
    const page = fixture.slice(offset, offset + request.limit);
    const next = offset + request.limit;
    return { listings: page, nextCursor: next < fixture.length ? String(next) : null };
  },
  async getListing({ listingId }) {
    return fixture.find((listing) => listing.listingId === listingId) ?? null;
  },
  async publish({ listing }) {
    return { listingId: `ou-new-${listing.sku}` };
  },
  async withdraw() {},
};

const goodDraft = ListingDraftSchema.parse({
  sku: 'bike-1',
  title: 'Road bike, 56 cm',
  description: 'Shimano 105, new chain.',
  price: { amount: 42_000, currency: 'USD' },
  condition: 'good',
  category: 'bicycles',
  images: ['https://images.example.com/bike.jpg'],
  location: { lat: 41.82, lon: -71.41 },
  localPickup: true,
});

runMarketplaceConformance({
  name: 'offerup with a host transport',
  create: () => ({ subject: createOfferUpMarketplace({ transport }) }),
  search: { limit: 5 },
  goodDraft,
});

runMarketplaceConformance({
  name: 'offerup without a transport',
  create: () => ({ subject: createOfferUpMarketplace() }),
  knownExternalId: 'ou-1000',
  goodDraft,
});
