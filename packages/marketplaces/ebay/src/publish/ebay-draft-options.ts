import { z } from 'zod';
import { ebayConditionTable } from '../search/ebay-condition-map';

/**
 * eBay-specific draft options, under `draft.marketplaceOptions.ebay`. Each business policy and the
 * location key fall back to the adapter settings (`businessPolicies`, `merchantLocationKey`).
 */
export const EbayDraftOptionsSchema = z
  .object({
    /** Account API fulfillment (shipping) policy id. */
    fulfillmentPolicyId: z.string().min(1).max(64).optional(),
    /** Account API payment policy id. */
    paymentPolicyId: z.string().min(1).max(64).optional(),
    /** Account API return policy id. */
    returnPolicyId: z.string().min(1).max(64).optional(),
    /** The seller's inventory location (created from `settings.inventoryLocation` or the draft's location when missing). */
    merchantLocationKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1–36 letters, digits, underscores or dashes')
      .optional(),
    /** eBay leaf category id, when the host chose it without `doSuggestCategory`. */
    categoryId: z
      .string()
      .regex(/^\d{1,10}$/, 'must be an eBay category id')
      .optional(),
    /** Item specifics by eBay aspect name; override those derived from brand, size, colours and attributes. */
    aspects: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    /** An Inventory API ConditionEnum value, when the canonical mapping does not fit the category. */
    conditionEnum: z
      .enum(ebayConditionTable.map((row) => row.conditionEnum) as [string, ...string[]])
      .optional(),
  })
  .strict();

export type EbayDraftOptions = z.infer<typeof EbayDraftOptionsSchema>;
