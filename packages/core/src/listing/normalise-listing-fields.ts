import type { z } from 'zod';
import { ListingParseError } from '../errors/listing-parse-error';
import { toValidationIssues } from '../shared/parse-input';
import { type ListingInput, ListingSchema } from './listing';
import type { Location } from './location';
import { type Money, moneyFromMajor } from './money';

/**
 * Names the marketplace data being normalised in the `ListingParseError`s the helpers below throw:
 * `subject` starts the message (`OfferUp listing`), `source` is the adapter (`offerup`).
 */
export type ListingJsonContext = {
  readonly subject: string;
  readonly source: string;
};

/** The most images a `Listing` holds (`ListingSchema`'s limit); {@link listingImages} keeps the first ones. */
export const maxListingImages = 50;

/**
 * Parses marketplace listing JSON with the adapter's schema, or throws `ListingParseError`
 * (`<subject> JSON is malformed`) naming every bad field.
 */
export function parseListingJson<S extends z.ZodType>(
  schema: S,
  json: unknown,
  context: ListingJsonContext,
): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ListingParseError({
    message: `${context.subject} JSON is malformed`,
    source: context.source,
    issues: toValidationIssues(parsed.error),
  });
}

/**
 * Returns a normalised listing once it passes `ListingSchema`, or throws `ListingParseError`
 * (`<subject> does not make a valid listing`) naming every bad field, so an adapter never returns a
 * partial listing.
 */
export function checkListingCandidate(candidate: ListingInput, context: ListingJsonContext): ListingInput {
  const checked = ListingSchema.safeParse(candidate);
  if (checked.success) return candidate;
  throw new ListingParseError({
    message: `${context.subject} does not make a valid listing`,
    source: context.source,
    issues: toValidationIssues(checked.error),
  });
}

/**
 * Money from a marketplace's major-unit amount (`125.5` USD → 12550 minor units; the currency is
 * upper-cased). When the amount or currency cannot be money (too large for exact minor units, an
 * unknown currency) it throws `ListingParseError` (`<subject> has an amount that is not valid
 * money`) whose issue names `field`.
 */
export function listingMoney(
  major: number,
  currency: string,
  context: ListingJsonContext & { readonly field: string },
): Money {
  try {
    return moneyFromMajor(major, currency.toUpperCase());
  } catch (error) {
    throw new ListingParseError({
      message: `${context.subject} has an amount that is not valid money`,
      source: context.source,
      issues: [{ field: context.field, message: `${major} ${currency} is not a valid amount of money` }],
      cause: error,
    });
  }
}

/**
 * A listing's image URLs from a marketplace's photo fields, in order: missing entries (`null`,
 * `undefined`) dropped, repeats removed (the first stays), at most {@link maxListingImages}.
 */
export function listingImages(urls: Iterable<string | null | undefined>): string[] {
  const unique = new Set<string>();
  for (const url of urls) if (typeof url === 'string') unique.add(url);
  return [...unique].slice(0, maxListingImages);
}

/**
 * Splits a place name as marketplaces show it (`"Providence, RI"`) into a trimmed city and region;
 * an empty part is left out, and anything after the second comma is ignored.
 */
export function splitPlaceName(name: string | null | undefined): {
  readonly city?: string;
  readonly region?: string;
} {
  const [city, region] = (name ?? '').split(',').map((part) => part.trim());
  return { ...(city ? { city } : {}), ...(region ? { region } : {}) };
}

/**
 * A listing's `location` from the parts a marketplace gives, or `undefined` when it gives no city,
 * region or coordinates. Empty parts are left out; coordinates are kept only when both `lat` and
 * `lon` are numbers; `country` is added only to a location that has something else.
 */
export function listingLocation(parts: {
  readonly city?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly lat?: number | null | undefined;
  readonly lon?: number | null | undefined;
  readonly country?: string | undefined;
}): Location | undefined {
  const { city, region, lat, lon, country } = parts;
  const hasPoint = typeof lat === 'number' && typeof lon === 'number';
  if (!city && !region && !hasPoint) return undefined;
  return {
    ...(city ? { city } : {}),
    ...(region ? { region } : {}),
    ...(hasPoint ? { lat, lon } : {}),
    ...(country ? { country } : {}),
  };
}
