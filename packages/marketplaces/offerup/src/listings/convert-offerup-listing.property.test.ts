import { ListingParseError, ListingSchema } from '@deal-scout/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertOfferUpListing } from './convert-offerup-listing';

const observedAt = '2026-03-01T00:00:00.000Z';

/** Listing-like objects with every field sometimes right, sometimes wrong, sometimes missing. */
const listingLike = fc.record(
  {
    listingId: fc.oneof(fc.uuid(), fc.integer(), fc.constant(''), fc.constant(null)),
    title: fc.oneof(fc.string({ maxLength: 400 }), fc.integer()),
    price: fc.oneof(
      fc.double(),
      fc.string(),
      fc.constantFrom('12', '1,250.00', '$9', 'free', 1e300, '9'.repeat(30)),
    ),
    postDate: fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.string(),
    ),
    state: fc.oneof(fc.constantFrom('LISTED', 'SOLD', 'PENDING', 'ARCHIVED'), fc.string()),
    image: fc.oneof(fc.record({ url: fc.webUrl() }), fc.record({ url: fc.string() })),
    locationDetails: fc.record({ latitude: fc.double(), longitude: fc.double(), locationName: fc.string() }),
    conditionText: fc.string(),
  },
  { requiredKeys: [] },
);

describe('convertOfferUpListing on arbitrary input', () => {
  it('returns a valid listing or throws ListingParseError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(listingLike, fc.anything()), (json) => {
        try {
          const listing = convertOfferUpListing(json, { observedAt });
          expect(ListingSchema.safeParse(listing).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ListingParseError);
          expect((error as ListingParseError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
