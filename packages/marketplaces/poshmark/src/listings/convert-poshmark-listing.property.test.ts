import { ListingParseError, ListingSchema } from '@deal-scout/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poshmarkJson } from '../../test/fixtures';
import { convertPoshmarkListing } from './convert-poshmark-listing';

/** The fixture with fields replaced by arbitrary values, or removed. */
const mutated = fc
  .record(
    {
      id: fc.oneof(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 6, maxLength: 30 }),
        fc.string(),
      ),
      title: fc.oneof(fc.string({ maxLength: 400 }), fc.constant(null)),
      price_amount: fc.oneof(
        fc.record({
          val: fc.oneof(fc.double(), fc.string()),
          currency_code: fc.constantFrom('USD', 'CAD', 'usd', 'XXX'),
        }),
        fc.anything(),
      ),
      created_at: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string(),
      ),
      cover_shot: fc.oneof(fc.record({ url: fc.webUrl() }), fc.record({ url: fc.string() })),
      condition: fc.oneof(fc.constantFrom('nwt', 'not_nwt', 'good'), fc.string()),
      inventory: fc.record({ status: fc.string() }),
      colors: fc.array(fc.record({ name: fc.string() }), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  )
  .map((overrides) => ({ ...poshmarkJson, ...overrides }));

describe('convertPoshmarkListing on arbitrary input', () => {
  it('returns a valid listing or throws ListingParseError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (json) => {
        try {
          expect(ListingSchema.safeParse(convertPoshmarkListing(json)).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ListingParseError);
          expect((error as ListingParseError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
