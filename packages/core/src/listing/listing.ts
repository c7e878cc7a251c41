import { z } from 'zod';
import { SlugSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';
import { CategoryIdSchema } from './categories';
import { ConditionSchema } from './condition';
import { LocationSchema } from './location';
import { MoneySchema } from './money';

/** Lifecycle of a listing on its marketplace. */
export const ListingStatusSchema = z.enum(['active', 'pending', 'sold', 'removed']);
export type ListingStatus = z.infer<typeof ListingStatusSchema>;

/** Free-form attributes (`year: 2016`, `fuel: "gas"`), small and flat. */
export const AttributesSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 100, 'must have at most 100 attributes');

/** The person or shop selling an item, as the marketplace knows them. */
export const SellerSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  /** Feedback score as a fraction 0–1 (eBay's 99.2% is 0.992), when the marketplace has one. */
  rating: z.number().min(0).max(1).optional(),
  url: z.url().optional(),
});
export type Seller = z.infer<typeof SellerSchema>;

/** How the item can reach the buyer. `cost` is absent when unknown, zero when free. */
export const ShippingSchema = z.object({
  available: z.boolean(),
  cost: MoneySchema.optional(),
});

const listingId = z.string().regex(/^[a-z][a-z0-9-]{0,31}:.{1,200}$/, 'must be `<marketplace>:<externalId>`');

/**
 * A listing, normalised from any marketplace. `id` is `<marketplace>:<externalId>` and is the
 * deduplication key: ingesting the same id again updates the stored listing.
 */
export const ListingSchema = z
  .object({
    id: listingId,
    marketplace: SlugSchema,
    externalId: z.string().min(1).max(200),
    url: z.url().max(2048).optional(),
    title: z.string().trim().min(1, 'must not be empty').max(300),
    description: z.string().max(20_000).optional(),
    price: MoneySchema,
    condition: ConditionSchema.optional(),
    category: CategoryIdSchema.optional(),
    /** The marketplace's own category id or name, kept for display and re-mapping. */
    marketplaceCategory: z.string().max(200).optional(),
    brand: z.string().trim().min(1).max(120).optional(),
    size: z.string().trim().min(1).max(60).optional(),
    attributes: AttributesSchema.default({}),
    location: LocationSchema.optional(),
    shipping: ShippingSchema.optional(),
    localPickup: z.boolean().default(false),
    images: z.array(z.url().max(2048)).max(50).default([]),
    seller: SellerSchema.optional(),
    status: ListingStatusSchema.default('active'),
    postedAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    soldAt: TimestampSchema.optional(),
    soldPrice: MoneySchema.optional(),
    /** 0–1, how good a deal the price is against the market; set by price analysis. */
    dealScore: z.number().min(0).max(1).optional(),
  })
  .superRefine((listing, ctx) => {
    if (listing.id !== `${listing.marketplace}:${listing.externalId}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'must equal `<marketplace>:<externalId>`' });
    }
    if (listing.soldPrice && listing.status !== 'sold') {
      ctx.addIssue({ code: 'custom', path: ['soldPrice'], message: 'is only allowed on a sold listing' });
    }
  });

/** A validated, normalised listing. */
export type Listing = z.output<typeof ListingSchema>;
/** What adapters and hosts hand in; defaults are filled by validation. */
export type ListingInput = z.input<typeof ListingSchema>;

/** Builds the canonical listing id. */
export function listingIdOf(marketplace: string, externalId: string): string {
  return `${marketplace}:${externalId}`;
}
