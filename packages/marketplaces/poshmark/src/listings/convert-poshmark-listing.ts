import {
  checkListingCandidate,
  type ListingInput,
  listingImages,
  listingMoney,
  parseListingJson,
} from '@deal-scout/core';
import { z } from 'zod';
import { fromPoshmarkCategory } from '../categories/poshmark-categories';
import { fromPoshmarkCondition } from './poshmark-condition';

const amount = z.object({
  val: z.union([
    z.number().nonnegative(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ]),
  currency_code: z.string().length(3).default('USD'),
});
const named = z.union([z.string(), z.object({ display: z.string().optional(), id: z.string().optional() })]);
const picture = z.object({ url: z.url(), url_small: z.url().optional(), url_large: z.url().optional() });

/**
 * Poshmark listing JSON as a host obtains it (field names per research/marketplaces.md §4):
 * `id`, `title`, `description`, `price_amount`, `original_price_amount`, `brand`, `size`,
 * `colors`, `condition`, `department`, `category_v2`, `catalog`, `cover_shot`, `pictures`,
 * `inventory`, `status`, `creator_id`, `creator_username`, `like_count`, `share_count`, `created_at`.
 */
export const PoshmarkListingJsonSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9]{6,64}$/, 'must be a Poshmark listing id'),
  title: z.string().trim().min(1),
  description: z.string().nullish(),
  price_amount: amount,
  original_price_amount: amount.nullish(),
  brand: z.string().nullish(),
  size: z.string().nullish(),
  colors: z.array(z.object({ name: z.string(), rgb: z.string().optional() })).nullish(),
  condition: z.string().nullish(),
  department: named.nullish(),
  category_v2: named.nullish(),
  catalog: z.object({ department: named.nullish(), category: named.nullish() }).nullish(),
  cover_shot: picture.nullish(),
  pictures: z.array(picture).nullish(),
  picture_url: z.url().nullish(),
  inventory: z.object({ status: z.string().optional(), multi_item: z.boolean().optional() }).nullish(),
  status: z.string().nullish(),
  creator_id: z.string().nullish(),
  creator_username: z.string().nullish(),
  like_count: z.number().int().nonnegative().nullish(),
  share_count: z.number().int().nonnegative().nullish(),
  created_at: z.iso.datetime({ offset: true }),
  origin_domain: z.string().nullish(),
});

const display = (value: z.output<typeof named> | null | undefined) =>
  typeof value === 'string' ? value : (value?.display ?? undefined);

const statusOf = (
  inventory: string | undefined,
  status: string | null | undefined,
): ListingInput['status'] => {
  const value = (inventory ?? status ?? 'available').toLowerCase();
  if (value === 'sold' || value === 'sold_out') return 'sold';
  if (value === 'reserved') return 'pending';
  if (value === 'not_for_sale' || value === 'removed' || value === 'deleted') return 'removed';
  return 'active';
};

const context = { subject: 'Poshmark listing', source: 'poshmark' };

/** Normalises Poshmark listing JSON into a `ListingInput`; throws `ListingParseError` naming every bad field. */
export function convertPoshmarkListing(json: unknown): ListingInput {
  const raw = parseListingJson(PoshmarkListingJsonSchema, json, context);
  const department = display(raw.catalog?.department) ?? display(raw.department);
  const categoryName = display(raw.catalog?.category) ?? display(raw.category_v2);
  const category = fromPoshmarkCategory(department, categoryName);
  const condition = fromPoshmarkCondition(raw.condition);
  const images = listingImages([
    raw.cover_shot?.url,
    ...(raw.pictures ?? []).map((entry) => entry.url),
    raw.picture_url,
  ]);
  const status = statusOf(raw.inventory?.status, raw.status);
  const domain = raw.origin_domain === 'ca' ? 'poshmark.ca' : 'poshmark.com';
  const colors = (raw.colors ?? []).map((color) => color.name).filter(Boolean);
  const candidate: ListingInput = {
    id: `poshmark:${raw.id}`,
    marketplace: 'poshmark',
    externalId: raw.id,
    url: `https://${domain}/listing/${raw.id}`,
    title: raw.title,
    price: listingMoney(raw.price_amount.val, raw.price_amount.currency_code, {
      ...context,
      field: 'price_amount',
    }),
    images,
    status,
    postedAt: raw.created_at,
    localPickup: false,
    shipping: { available: true },
    attributes: {
      ...(colors.length > 0 ? { colors: colors.join(', ') } : {}),
      ...(department ? { department } : {}),
      ...(raw.original_price_amount
        ? {
            originalPriceMinor: listingMoney(
              raw.original_price_amount.val,
              raw.original_price_amount.currency_code,
              { ...context, field: 'original_price_amount' },
            ).amount,
          }
        : {}),
      ...(raw.like_count != null ? { likes: raw.like_count } : {}),
      ...(raw.share_count != null ? { shares: raw.share_count } : {}),
    },
    ...(raw.description ? { description: raw.description } : {}),
    ...(raw.brand?.trim() ? { brand: raw.brand.trim() } : {}),
    ...(raw.size?.trim() ? { size: raw.size.trim() } : {}),
    ...(condition ? { condition } : {}),
    ...(category ? { category } : {}),
    ...(department || categoryName
      ? { marketplaceCategory: [department, categoryName].filter(Boolean).join(' > ') }
      : {}),
    ...(raw.creator_id
      ? { seller: { id: raw.creator_id, ...(raw.creator_username ? { name: raw.creator_username } : {}) } }
      : {}),
  };
  return checkListingCandidate(candidate, context);
}
