import { z } from 'zod';
import { CategoryIdSchema } from './categories';
import { ConditionSchema } from './condition';
import { AttributesSchema, ShippingSchema } from './listing';
import { LocationSchema } from './location';
import { MoneySchema } from './money';

/**
 * What a seller wants to post: marketplace-neutral. Each marketplace adapter validates it against
 * its own rules (title length, photo count, required location) before anything is published.
 */
export const ListingDraftSchema = z.object({
  /** The seller's own stock-keeping id; also the idempotency key for cross-posting. */
  sku: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,50}$/, 'must be 1–50 letters, digits, dots, dashes or underscores'),
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: z.string().trim().min(1, 'must not be empty').max(20_000),
  price: MoneySchema,
  condition: ConditionSchema,
  category: CategoryIdSchema,
  brand: z.string().trim().min(1).max(120).optional(),
  size: z.string().trim().min(1).max(60).optional(),
  colors: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
  attributes: AttributesSchema.default({}),
  /** Public image URLs, first is the cover; adapters upload or re-host them as they need. */
  images: z.array(z.url().max(2048)).min(1, 'needs at least one image').max(24),
  quantity: z.number().int().min(1).max(10_000).default(1),
  location: LocationSchema.optional(),
  shipping: ShippingSchema.optional(),
  localPickup: z.boolean().default(false),
  /** Vendor-specific options, namespaced by marketplace id: `{ ebay: { fulfillmentPolicyId } }`. */
  marketplaceOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export type ListingDraft = z.output<typeof ListingDraftSchema>;
export type ListingDraftInput = z.input<typeof ListingDraftSchema>;
