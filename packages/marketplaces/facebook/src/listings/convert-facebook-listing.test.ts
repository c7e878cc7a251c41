import { ListingParseError, ListingSchema } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { convertFacebookListing } from './convert-facebook-listing';

/** Shaped like a Marketplace search node's `listing` plus detail fields (research/marketplaces.md §2). */
const listingJson = {
  id: '1029384756102938',
  marketplace_listing_title: 'Trek FX 3 hybrid bike',
  listing_price: { formatted_amount: '$1,150', amount: '1150.00', currency: 'USD' },
  primary_listing_photo: { image: { uri: 'https://scontent.example.com/v/bike-1.jpg' } },
  listing_photos: [
    { image: { uri: 'https://scontent.example.com/v/bike-1.jpg' } },
    { image: { uri: 'https://scontent.example.com/v/bike-2.jpg' } },
  ],
  redacted_description: { text: 'Ridden twice, tuned up.' },
  location: { reverse_geocode: { city_page: { display_name: 'Providence, RI' } } },
  marketplace_listing_seller: { name: 'Jo' },
  condition: 'used_like_new',
  is_sold: false,
  is_pending: false,
  is_live: true,
  is_hidden: false,
  delivery_types: ['IN_PERSON'],
  creation_time: 1767225600,
};

describe('convertFacebookListing', () => {
  it('normalises Marketplace listing JSON into a valid listing', () => {
    const listing = convertFacebookListing(listingJson, { observedAt: '2026-03-01T00:00:00.000Z' });
    expect(ListingSchema.parse(listing)).toMatchObject({
      id: 'facebook:1029384756102938',
      title: 'Trek FX 3 hybrid bike',
      price: { amount: 115_000, currency: 'USD' },
      condition: 'like_new',
      images: ['https://scontent.example.com/v/bike-1.jpg', 'https://scontent.example.com/v/bike-2.jpg'],
      location: { city: 'Providence', region: 'RI' },
      status: 'active',
      localPickup: true,
      shipping: { available: false },
      postedAt: '2026-01-01T00:00:00.000Z',
      url: 'https://www.facebook.com/marketplace/item/1029384756102938/',
    });
  });

  it('reads the formatted price when there is no amount, and maps sold listings', () => {
    const listing = convertFacebookListing(
      { ...listingJson, listing_price: { formatted_amount: '$85' }, is_sold: true, creation_time: undefined },
      { observedAt: '2026-03-01T00:00:00.000Z' },
    );
    expect(listing.price).toEqual({ amount: 8_500, currency: 'USD' });
    expect(listing.status).toBe('sold');
    expect(listing.postedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['no id', { ...listingJson, id: undefined }, 'id'],
    ['an empty title', { ...listingJson, marketplace_listing_title: '  ' }, 'marketplace_listing_title'],
    [
      'a photo that is not a URL',
      { ...listingJson, primary_listing_photo: { image: { uri: 'nope' } } },
      'primary_listing_photo.image.uri',
    ],
    [
      'a price without digits',
      { ...listingJson, listing_price: { formatted_amount: 'Free-ish' } },
      'listing_price',
    ],
  ])('throws ListingParseError for %s, naming the field', (_label, json, field) => {
    const error = (() => {
      try {
        convertFacebookListing(json, { observedAt: '2026-03-01T00:00:00.000Z' });
        return null;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ListingParseError);
    expect((error as ListingParseError).issues.map((issue) => issue.field)).toContain(field);
  });

  it('throws ListingParseError for input that is not an object', () => {
    expect(() => convertFacebookListing('<html>', { observedAt: '2026-03-01T00:00:00.000Z' })).toThrow(
      ListingParseError,
    );
  });
});
