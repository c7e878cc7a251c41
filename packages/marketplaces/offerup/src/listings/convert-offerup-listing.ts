import {
  checkListingCandidate,
  type ListingInput,
  listingImages,
  listingLocation,
  listingMoney,
  parseListingJson,
  splitPlaceName,
} from '@deal-scout/core';
import { z } from 'zod';
import { fromOfferUpCategory } from '../categories/offerup-categories';
import { fromOfferUpCondition } from './offerup-condition';

const amount = z.union([
  z.number().nonnegative(),
  z
    .string()
    .trim()
    .regex(/^\$?\d[\d,]*(\.\d+)?$/, 'must be a decimal amount')
    .transform((text) => Number(text.replaceAll(/[$,]/g, ''))),
]);

const photo = z.object({
  uuid: z.string().optional(),
  detailFull: z.object({ url: z.url() }).nullish(),
  detail: z.object({ url: z.url() }).nullish(),
  list: z.object({ url: z.url() }).nullish(),
});

/**
 * OfferUp listing JSON as a host obtains it: a search tile's `listing` (`listingId`, `title`,
 * `price`, `conditionText`, `locationName`, `image`) or a detail `listing` (adds `description`,
 * `condition`, `postDate`, `state`, `photos`, `locationDetails`, `fulfillmentDetails`,
 * `listingCategory`, `owner`). Field names per research/marketplaces.md §3.
 */
export const OfferUpListingJsonSchema = z.object({
  listingId: z.union([z.string().min(1).max(100), z.number().int().positive()]).transform(String),
  title: z.string().trim().min(1),
  description: z.string().nullish(),
  price: amount,
  originalPrice: amount.nullish(),
  condition: z.union([z.string(), z.number()]).nullish(),
  conditionText: z.string().nullish(),
  postDate: z.iso.datetime({ offset: true }).nullish(),
  state: z.string().nullish(),
  quantity: z.number().int().nonnegative().nullish(),
  isFirmOnPrice: z.boolean().nullish(),
  isFirmPrice: z.boolean().nullish(),
  image: z.object({ url: z.url() }).nullish(),
  photos: z.array(photo).nullish(),
  locationName: z.string().nullish(),
  locationDetails: z
    .object({
      latitude: z.number().min(-90).max(90).nullish(),
      longitude: z.number().min(-180).max(180).nullish(),
      locationName: z.string().nullish(),
    })
    .nullish(),
  fulfillmentDetails: z
    .object({
      localPickupEnabled: z.boolean().nullish(),
      shippingEnabled: z.boolean().nullish(),
      shippingPrice: amount.nullish(),
      sellerPaysShipping: z.boolean().nullish(),
    })
    .nullish(),
  listingCategory: z
    .object({
      categoryV2: z
        .object({
          id: z.union([z.string(), z.number()]).nullish(),
          l1Name: z.string().nullish(),
          l2Name: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  owner: z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      profile: z
        .object({
          name: z.string().nullish(),
          ratingSummary: z.object({ average: z.number().min(0).max(5), count: z.number().int() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

const statuses: Record<string, ListingInput['status']> = {
  listed: 'active',
  active: 'active',
  pending: 'pending',
  sold: 'sold',
  archived: 'removed',
  deleted: 'removed',
  removed: 'removed',
};

const context = { subject: 'OfferUp listing', source: 'offerup' };

/**
 * Normalises OfferUp listing JSON into a `ListingInput`. `observedAt` stands in for the posting time
 * when the JSON has no `postDate` (search tiles). Throws `ListingParseError` naming every bad field.
 */
export function convertOfferUpListing(json: unknown, options: { readonly observedAt: string }): ListingInput {
  const raw = parseListingJson(OfferUpListingJsonSchema, json, context);
  const images = listingImages([
    ...(raw.photos ?? []).map((entry) => entry.detailFull?.url ?? entry.detail?.url ?? entry.list?.url),
    raw.image?.url,
  ]);
  const condition = fromOfferUpCondition(
    typeof raw.condition === 'string' ? raw.condition : (raw.conditionText ?? null),
  );
  const categoryV2 = raw.listingCategory?.categoryV2;
  const category = fromOfferUpCategory(categoryV2?.l1Name ?? undefined, categoryV2?.l2Name ?? undefined);
  const details = raw.locationDetails;
  const location = listingLocation({
    ...splitPlaceName(details?.locationName ?? raw.locationName),
    lat: details?.latitude,
    lon: details?.longitude,
    country: 'US',
  });
  const fulfilment = raw.fulfillmentDetails;
  const rating = raw.owner?.profile?.ratingSummary;
  const candidate: ListingInput = {
    id: `offerup:${raw.listingId}`,
    marketplace: 'offerup',
    externalId: raw.listingId,
    url: `https://offerup.com/item/detail/${encodeURIComponent(raw.listingId)}`,
    title: raw.title,
    price: listingMoney(raw.price, 'USD', { ...context, field: 'price' }),
    images,
    status: statuses[(raw.state ?? 'listed').toLowerCase()] ?? 'active',
    postedAt: raw.postDate ?? options.observedAt,
    localPickup: fulfilment?.localPickupEnabled ?? true,
    attributes: {
      ...((raw.isFirmOnPrice ?? raw.isFirmPrice) ? { firmPrice: true } : {}),
      ...(categoryV2?.id != null ? { offerupCategoryId: String(categoryV2.id) } : {}),
    },
    ...(raw.description ? { description: raw.description } : {}),
    ...(condition ? { condition } : {}),
    ...(category ? { category } : {}),
    ...(categoryV2?.l1Name
      ? { marketplaceCategory: [categoryV2.l1Name, categoryV2.l2Name].filter(Boolean).join(' > ') }
      : {}),
    ...(location ? { location } : {}),
    ...(fulfilment?.shippingEnabled != null
      ? {
          shipping: {
            available: fulfilment.shippingEnabled,
            ...(fulfilment.sellerPaysShipping
              ? { cost: { amount: 0, currency: 'USD' } }
              : fulfilment.shippingPrice != null
                ? {
                    cost: listingMoney(fulfilment.shippingPrice, 'USD', {
                      ...context,
                      field: 'fulfillmentDetails.shippingPrice',
                    }),
                  }
                : {}),
          },
        }
      : {}),
    ...(raw.owner
      ? {
          seller: {
            id: raw.owner.id,
            ...(raw.owner.profile?.name ? { name: raw.owner.profile.name } : {}),
            ...(rating && rating.count > 0 ? { rating: rating.average / 5 } : {}),
          },
        }
      : {}),
  };
  return checkListingCandidate(candidate, context);
}
