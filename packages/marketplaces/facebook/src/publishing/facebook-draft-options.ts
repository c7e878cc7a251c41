import { z } from 'zod';

/**
 * What a draft may carry for Facebook in `marketplaceOptions.facebook`; each maps onto a field of the
 * Marketplace Partnership item API (https://developers.secure.facebook.com/docs/marketplace/partnerships/itemAPI/).
 */
export const FacebookDraftOptionsSchema = z
  .object({
    /** `link`: the item's page on the partner site; overrides `productUrlTemplate`. */
    link: z.url().optional(),
    /** `partner_product_checkout_uri`; overrides `checkoutUrlTemplate`. */
    checkoutUrl: z.url().optional(),
    /** `return_details.return_days`. */
    returnDays: z.number().int().min(0).max(365).optional(),
    /** `return_details.return_type` as Meta names it. */
    returnType: z.string().min(1).max(60).optional(),
    /** `partner_shipping_speed`: `<min days>:<max days>`, e.g. `3:5`. */
    shippingSpeed: z
      .string()
      .regex(/^\d{1,2}:\d{1,2}$/, 'must be `<min days>:<max days>`')
      .optional(),
    /** `partner_shipping_type` as Meta names it. */
    shippingType: z.string().min(1).max(60).optional(),
    /** `partner_product_expiration_time`: when the item leaves Marketplace (ISO-8601). */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type FacebookDraftOptions = z.output<typeof FacebookDraftOptionsSchema>;
