import {
  checkListingCandidate,
  type ListingInput,
  ListingParseError,
  listingImages,
  listingLocation,
  listingMoney,
  parseListingJson,
  splitPlaceName,
} from '@deal-scout/core';
import { z } from 'zod';
import { fromFacebookCondition } from './facebook-condition';

const imageSchema = z.object({ image: z.object({ uri: z.url() }) });

/**
 * Marketplace listing JSON as a host obtains it (field names as Marketplace uses them, see
 * research/marketplaces.md §2): `id`, `marketplace_listing_title`, `listing_price`,
 * `primary_listing_photo`, `listing_photos`, `location`, `marketplace_listing_seller`, the
 * `is_sold`/`is_pending`/`is_live`/`is_hidden` flags, and detail fields when present.
 */
export const FacebookListingJsonSchema = z.object({
  id: z.union([z.string().regex(/^\d{1,30}$/), z.number().int().positive()]).transform(String),
  marketplace_listing_title: z.string().trim().min(1),
  listing_price: z.object({
    /** Decimal amount as text (`"120.00"`) when present. */
    amount: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
    currency: z.string().length(3).optional(),
    /** Display text (`"$120"`), used when `amount` is absent. */
    formatted_amount: z.string().optional(),
  }),
  primary_listing_photo: imageSchema.nullish(),
  listing_photos: z.array(imageSchema).nullish(),
  redacted_description: z.object({ text: z.string() }).nullish(),
  location: z
    .object({
      latitude: z.number().min(-90).max(90).optional(),
      longitude: z.number().min(-180).max(180).optional(),
      reverse_geocode: z
        .object({
          city: z.string().optional(),
          state: z.string().optional(),
          city_page: z.object({ display_name: z.string() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  marketplace_listing_seller: z.object({ id: z.string().optional(), name: z.string().optional() }).nullish(),
  condition: z.string().nullish(),
  is_sold: z.boolean().optional(),
  is_pending: z.boolean().optional(),
  is_live: z.boolean().optional(),
  is_hidden: z.boolean().optional(),
  is_shipping_offered: z.boolean().optional(),
  delivery_types: z.array(z.string()).nullish(),
  /** Unix seconds, when the host's data has it. */
  creation_time: z.number().int().positive().optional(),
});

export type FacebookListingJson = z.input<typeof FacebookListingJsonSchema>;

/** `"$1,250.50"` → 1250.5; `null` when there is no number. */
function parseFormattedAmount(text: string | undefined): number | null {
  const match = text?.replaceAll(',', '').match(/(\d+(?:\.\d+)?)/);
  return match ? Number(match[1]) : null;
}

const context = { subject: 'Facebook Marketplace listing', source: 'facebook' };

/**
 * Normalises one Marketplace listing into a `ListingInput`. `observedAt` stands in for the posting
 * time when the JSON has no `creation_time` (search results usually do not). Throws
 * `ListingParseError` naming each bad field; never returns a partial listing.
 */
export function convertFacebookListing(
  json: unknown,
  options: { readonly observedAt: string; readonly currency?: string },
): ListingInput {
  const raw = parseListingJson(FacebookListingJsonSchema, json, context);
  const major = raw.listing_price.amount
    ? Number(raw.listing_price.amount)
    : parseFormattedAmount(raw.listing_price.formatted_amount);
  if (major === null) {
    throw new ListingParseError({
      message: 'Facebook Marketplace listing has no readable price',
      source: 'facebook',
      issues: [{ field: 'listing_price', message: 'needs `amount` or a numeric `formatted_amount`' }],
    });
  }
  const currency = raw.listing_price.currency ?? options.currency ?? 'USD';
  const photos = [
    ...(raw.primary_listing_photo ? [raw.primary_listing_photo.image.uri] : []),
    ...(raw.listing_photos ?? []).map((photo) => photo.image.uri),
  ];
  const geocode = raw.location?.reverse_geocode;
  const fromPage = splitPlaceName(geocode?.city_page?.display_name);
  const location = listingLocation({
    city: geocode?.city ?? fromPage.city,
    region: geocode?.state ?? fromPage.region,
    lat: raw.location?.latitude,
    lon: raw.location?.longitude,
  });
  const condition = fromFacebookCondition(raw.condition);
  const status = raw.is_sold
    ? 'sold'
    : raw.is_pending
      ? 'pending'
      : raw.is_hidden || raw.is_live === false
        ? 'removed'
        : 'active';
  const shipping = raw.is_shipping_offered ?? raw.delivery_types?.includes('SHIPPING');
  const candidate: ListingInput = {
    id: `facebook:${raw.id}`,
    marketplace: 'facebook',
    externalId: raw.id,
    url: `https://www.facebook.com/marketplace/item/${raw.id}/`,
    title: raw.marketplace_listing_title,
    price: listingMoney(major, currency, { ...context, field: 'listing_price' }),
    images: listingImages(photos),
    status,
    localPickup: raw.delivery_types ? raw.delivery_types.includes('IN_PERSON') : true,
    postedAt: raw.creation_time ? new Date(raw.creation_time * 1000).toISOString() : options.observedAt,
    ...(raw.redacted_description?.text ? { description: raw.redacted_description.text } : {}),
    ...(condition ? { condition } : {}),
    ...(shipping !== undefined ? { shipping: { available: shipping } } : {}),
    ...(location ? { location } : {}),
    ...(raw.marketplace_listing_seller?.id || raw.marketplace_listing_seller?.name
      ? {
          seller: {
            id: raw.marketplace_listing_seller.id ?? `name:${raw.marketplace_listing_seller.name}`,
            ...(raw.marketplace_listing_seller.name ? { name: raw.marketplace_listing_seller.name } : {}),
          },
        }
      : {}),
  };
  return checkListingCandidate(candidate, context);
}
