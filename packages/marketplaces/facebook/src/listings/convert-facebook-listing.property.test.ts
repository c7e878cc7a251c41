import { ListingParseError, ListingSchema } from '@deal-scout/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertFacebookListing } from './convert-facebook-listing';

const listingLike = fc.record(
  {
    id: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String), fc.integer(), fc.string()),
    marketplace_listing_title: fc.oneof(fc.string({ maxLength: 400 }), fc.constant(null)),
    listing_price: fc.oneof(
      fc.record(
        {
          amount: fc.oneof(fc.constantFrom('12.00', '0', '99999999999', '9'.repeat(30)), fc.string()),
          currency: fc.constantFrom('USD', 'EUR', 'usd', 'ZZZ', '1$%'),
          formatted_amount: fc.string(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    primary_listing_photo: fc.oneof(fc.record({ image: fc.record({ uri: fc.webUrl() }) }), fc.anything()),
    location: fc.oneof(fc.record({ latitude: fc.double(), longitude: fc.double() }), fc.anything()),
    creation_time: fc.oneof(fc.integer(), fc.double()),
    is_sold: fc.oneof(fc.boolean(), fc.string()),
  },
  { requiredKeys: [] },
);

describe('convertFacebookListing on arbitrary input', () => {
  it('returns a valid listing or throws ListingParseError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(listingLike, fc.anything()), (json) => {
        try {
          const listing = convertFacebookListing(json, { observedAt: '2026-03-01T00:00:00.000Z' });
          expect(ListingSchema.safeParse(listing).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ListingParseError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
