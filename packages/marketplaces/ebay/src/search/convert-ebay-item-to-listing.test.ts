import { ListingSchema } from '@deal-scout/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemSummary } from '../../test/ebay-fixtures';
import { convertEbayItemToListing } from './convert-ebay-item-to-listing';
import { EbayItemSchema, EbayItemSummarySchema } from './ebay-browse-schemas';

/** What the search path does with one raw summary: parse, convert, validate; never throw. */
function normalise(raw: unknown) {
  const parsed = EbayItemSummarySchema.safeParse(raw);
  const listing = parsed.success ? convertEbayItemToListing(parsed.data) : null;
  return listing && ListingSchema.safeParse(listing).success ? listing : null;
}

describe('convertEbayItemToListing', () => {
  it('turns auctions without a fixed price into listings priced at the current bid', () => {
    const listing = normalise(
      itemSummary({
        price: undefined,
        currentBidPrice: { value: '41.00', currency: 'USD' },
        buyingOptions: ['AUCTION'],
      }),
    );
    expect(listing?.price).toEqual({ amount: 4100, currency: 'USD' });
  });

  it('keeps calculated shipping as available with unknown cost, and local pickup', () => {
    const listing = normalise(
      itemSummary({
        shippingOptions: [
          { shippingCostType: 'CALCULATED', shippingCost: { value: '12.00', currency: 'USD' } },
        ],
        pickupOptions: [{ pickupLocationType: 'STORE' }],
      }),
    );
    expect(listing?.shipping).toEqual({ available: true });
    expect(listing?.localPickup).toBe(true);
  });

  it('marks an item eBay reports out of stock everywhere as removed', () => {
    const item = EbayItemSchema.parse({
      ...itemSummary(),
      estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'OUT_OF_STOCK' }],
    });
    expect(convertEbayItemToListing(item)?.status).toBe('removed');
  });

  it('never throws on arbitrary JSON and returns only schema-valid listings (property)', () => {
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.dictionary(fc.string(), fc.string()),
    );
    const amount = fc.record({
      value: fc.oneof(fc.string(), fc.stringMatching(/^\d{1,7}(\.\d{1,3})?$/)),
      currency: fc.oneof(fc.constantFrom('USD', 'JPY', 'EUR', 'KWD'), fc.string()),
    });
    const summary = fc.record(
      {
        itemId: fc.oneof(fc.string(), fc.integer()),
        title: fc.oneof(fc.string(), field),
        price: fc.oneof(amount, field),
        conditionId: fc.oneof(fc.constantFrom('1000', '3000', '7000', '42'), field),
        itemCreationDate: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        image: fc.oneof(fc.record({ imageUrl: fc.oneof(fc.webUrl(), fc.string()) }), field),
        seller: fc.oneof(
          fc.record({
            username: fc.string(),
            feedbackPercentage: fc.oneof(fc.string(), fc.constantFrom('99.5', '100.0', '250')),
          }),
          field,
        ),
        itemLocation: fc.oneof(
          fc.record({ country: fc.string(), postalCode: fc.string(), city: fc.string() }),
          field,
        ),
        categories: fc.oneof(fc.array(fc.record({ categoryId: fc.string() })), field),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(summary, fc.anything()), (raw) => {
        const listing = normalise(raw);
        if (listing) expect(ListingSchema.safeParse(listing).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
