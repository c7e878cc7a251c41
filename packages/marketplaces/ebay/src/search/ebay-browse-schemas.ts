import { z } from 'zod';

/**
 * The parts of Browse API responses (buy_browse_v1_oas3.json v1.20.4) the adapter reads. eBay
 * documents every field as optional; unknown fields pass through untouched.
 */
const AmountSchema = z.object({ value: z.string(), currency: z.string() });
const ImageSchema = z.object({ imageUrl: z.string().optional() });
const CategorySchema = z.object({ categoryId: z.string().optional(), categoryName: z.string().optional() });
const LocationSchema = z.object({
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});
const SellerSchema = z.object({
  username: z.string().optional(),
  userId: z.string().optional(),
  feedbackPercentage: z.string().optional(),
  feedbackScore: z.number().optional(),
});
const ShippingOptionSchema = z.object({
  shippingCost: AmountSchema.optional(),
  shippingCostType: z.string().optional(),
});

/** Fields shared by `ItemSummary` (search) and `Item` (getItem). */
const ItemFieldsSchema = z.object({
  itemId: z.string().min(1),
  legacyItemId: z.string().optional(),
  title: z.string().optional(),
  price: AmountSchema.optional(),
  currentBidPrice: AmountSchema.optional(),
  conditionId: z.string().optional(),
  condition: z.string().optional(),
  image: ImageSchema.optional(),
  additionalImages: z.array(ImageSchema).optional(),
  itemWebUrl: z.string().optional(),
  itemLocation: LocationSchema.optional(),
  seller: SellerSchema.optional(),
  shippingOptions: z.array(ShippingOptionSchema).optional(),
  buyingOptions: z.array(z.string()).optional(),
  itemCreationDate: z.string().optional(),
  itemOriginDate: z.string().optional(),
  itemEndDate: z.string().optional(),
  shortDescription: z.string().optional(),
});

export const EbayItemSummarySchema = ItemFieldsSchema.extend({
  categories: z.array(CategorySchema).optional(),
  leafCategoryIds: z.array(z.string()).optional(),
  pickupOptions: z.array(z.object({ pickupLocationType: z.string().optional() })).optional(),
});
export type EbayItemSummary = z.infer<typeof EbayItemSummarySchema>;

export const EbayItemSchema = ItemFieldsSchema.extend({
  categoryId: z.string().optional(),
  categoryIdPath: z.string().optional(),
  categoryPath: z.string().optional(),
  description: z.string().optional(),
  brand: z.string().optional(),
  size: z.string().optional(),
  localizedAspects: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  estimatedAvailabilities: z
    .array(z.object({ estimatedAvailabilityStatus: z.string().optional() }))
    .optional(),
  pickupOptions: z.array(z.object({ pickupLocationType: z.string().optional() })).optional(),
});
export type EbayItem = z.infer<typeof EbayItemSchema>;

export const EbaySearchPageSchema = z.object({
  total: z.number().int().min(0).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(0).optional(),
  next: z.string().optional(),
  itemSummaries: z.array(z.unknown()).optional(),
});
