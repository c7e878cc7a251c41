import type { Listing } from '../listing/listing';
import { tokenizeTitle } from './tokenize-title';

/**
 * What pricing reads from a listing, in one place: the reference price (the sold price of a sold
 * listing, otherwise the asking price) and the structured attributes that move prices (make,
 * model, year, mileage), looked up under the attribute names marketplaces use.
 */
export type ListingPriceFacts = {
  /** Minor units of the reference price. */
  readonly amount: number;
  /** ISO 4217 code of `amount`. */
  readonly currency: string;
  /** True when `amount` is a sold price (sold prices are worth more than asking prices). */
  readonly sold: boolean;
  /** Lower-case brand or vehicle make, or `null`. */
  readonly make: string | null;
  /** Model name as space-separated title terms (`f150 xlt`, `sierra 1500 slt`), or `null`. */
  readonly model: string | null;
  /**
   * The model's family: its first term, plus the second when that is a number (`f150`,
   * `sierra 1500`), or `null`. Trim levels vary too much to group by the full name.
   */
  readonly modelBase: string | null;
  /** Model year, or `null`. */
  readonly year: number | null;
  /** Odometer reading in miles, or `null`. */
  readonly mileage: number | null;
  /** Milliseconds since the epoch of `postedAt`. */
  readonly postedAtMs: number;
};

const makeKeys = ['make', 'manufacturer', 'brand'] as const;
const modelKeys = ['model', 'modelName'] as const;
const yearKeys = ['year', 'modelYear', 'model_year'] as const;
const mileageKeys = ['mileage', 'odometer', 'odometerMi', 'miles'] as const;

function firstString(attributes: Listing['attributes'], keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase();
  }
  return null;
}

function firstNumber(attributes: Listing['attributes'], keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = attributes[key];
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (Number.isFinite(number)) return number;
  }
  return null;
}

/** Reads the pricing facts of a listing; never throws. */
export function listingPriceFacts(listing: Listing): ListingPriceFacts {
  const sold = listing.status === 'sold' && listing.soldPrice !== undefined;
  const price = sold && listing.soldPrice ? listing.soldPrice : listing.price;
  const make = listing.brand?.toLowerCase() ?? firstString(listing.attributes, makeKeys);
  const modelTerms = tokenizeTitle(firstString(listing.attributes, modelKeys) ?? '');
  const [first, second] = modelTerms;
  const modelBase = first ? (second && /^\d+$/.test(second) ? `${first} ${second}` : first) : null;
  const year = firstNumber(listing.attributes, yearKeys);
  const mileage = firstNumber(listing.attributes, mileageKeys);
  return {
    amount: price.amount,
    currency: price.currency,
    sold,
    make,
    model: modelTerms.length > 0 ? modelTerms.join(' ') : null,
    modelBase,
    year: year !== null && year >= 1900 && year <= 2100 ? Math.round(year) : null,
    mileage: mileage !== null && mileage >= 0 ? mileage : null,
    postedAtMs: Date.parse(listing.postedAt),
  };
}
