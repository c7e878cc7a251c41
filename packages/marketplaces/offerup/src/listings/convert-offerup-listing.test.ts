import { ListingParseError, ListingSchema } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { convertOfferUpListing } from './convert-offerup-listing';

/** A detail `listing` with the field names of OfferUp's listing JSON (research/marketplaces.md §3). */
const detail = {
  listingId: '1a2b3c4d-0000-4000-8000-1234567890ab',
  title: 'Weber Spirit gas grill',
  description: 'Three burners, cover included. Pickup in Cranston.',
  price: '180.00',
  originalPrice: '220.00',
  condition: 'USED',
  postDate: '2026-02-14T17:03:00Z',
  state: 'LISTED',
  quantity: 1,
  isFirmOnPrice: true,
  isLocal: true,
  photos: [
    {
      uuid: 'p1',
      detail: { url: 'https://images.offerup.com/p1-detail.jpg' },
      detailFull: { url: 'https://images.offerup.com/p1-full.jpg' },
      list: { url: 'https://images.offerup.com/p1-list.jpg' },
    },
    { uuid: 'p2', detail: { url: 'https://images.offerup.com/p2-detail.jpg' } },
  ],
  locationDetails: { latitude: 41.7798, longitude: -71.4373, locationName: 'Cranston, RI', distance: 4 },
  fulfillmentDetails: {
    localPickupEnabled: true,
    shippingEnabled: false,
    canShipToBuyer: false,
    shippingPrice: null,
    sellerPaysShipping: false,
    buyItNowEnabled: false,
  },
  listingCategory: { categoryV2: { id: 9, l1Name: 'Home & Garden', l2Name: 'Garden', l3Name: 'Grills' } },
  owner: { id: 77001, profile: { name: 'Sam', ratingSummary: { average: 4.8, count: 35 }, itemsSold: 12 } },
};

/** A search tile's `listing`. */
const tile = {
  listingId: '998877',
  title: 'iPhone 13 128GB',
  price: '350',
  conditionText: 'Open box',
  locationName: 'Providence, RI',
  image: { url: 'https://images.offerup.com/tile.jpg', width: 400, height: 400 },
  isFirmPrice: false,
  flags: [],
};

describe('convertOfferUpListing', () => {
  it('normalises a detail listing', () => {
    const listing = ListingSchema.parse(
      convertOfferUpListing(detail, { observedAt: '2026-03-01T00:00:00.000Z' }),
    );
    expect(listing).toMatchObject({
      id: 'offerup:1a2b3c4d-0000-4000-8000-1234567890ab',
      marketplace: 'offerup',
      price: { amount: 18_000, currency: 'USD' },
      condition: 'good',
      category: 'home-garden',
      marketplaceCategory: 'Home & Garden > Garden',
      images: ['https://images.offerup.com/p1-full.jpg', 'https://images.offerup.com/p2-detail.jpg'],
      location: { city: 'Cranston', region: 'RI', lat: 41.7798, lon: -71.4373, country: 'US' },
      localPickup: true,
      shipping: { available: false },
      seller: { id: '77001', name: 'Sam', rating: 0.96 },
      postedAt: '2026-02-14T17:03:00.000Z',
      status: 'active',
      attributes: { firmPrice: true, offerupCategoryId: '9' },
    });
  });

  it('normalises a search tile, stamping observedAt as the posting time', () => {
    const listing = convertOfferUpListing(tile, { observedAt: '2026-03-01T00:00:00.000Z' });
    expect(listing).toMatchObject({
      id: 'offerup:998877',
      condition: 'like_new',
      price: { amount: 35_000, currency: 'USD' },
      location: { city: 'Providence', region: 'RI' },
      images: ['https://images.offerup.com/tile.jpg'],
      postedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('maps sold state and seller-paid shipping', () => {
    const listing = convertOfferUpListing(
      { ...detail, state: 'SOLD', fulfillmentDetails: { shippingEnabled: true, sellerPaysShipping: true } },
      { observedAt: '2026-03-01T00:00:00.000Z' },
    );
    expect(listing.status).toBe('sold');
    expect(listing.shipping).toEqual({ available: true, cost: { amount: 0, currency: 'USD' } });
  });

  it.each([
    ['a missing listingId', { ...tile, listingId: undefined }, 'listingId'],
    ['a price that is not a number', { ...tile, price: 'make an offer' }, 'price'],
    [
      'a photo URL that is not a URL',
      { ...detail, photos: [{ detail: { url: 'not a url' } }] },
      'photos[0].detail.url',
    ],
    ['a bad post date', { ...detail, postDate: 'yesterday' }, 'postDate'],
    [
      'latitude out of range',
      { ...detail, locationDetails: { latitude: 123, longitude: 0 } },
      'locationDetails.latitude',
    ],
  ])('throws ListingParseError for %s', (_label, json, field) => {
    try {
      convertOfferUpListing(json, { observedAt: '2026-03-01T00:00:00.000Z' });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ListingParseError);
      expect((error as ListingParseError).issues.map((issue) => issue.field)).toContain(field);
      expect((error as ListingParseError).source).toBe('offerup');
    }
  });
});
