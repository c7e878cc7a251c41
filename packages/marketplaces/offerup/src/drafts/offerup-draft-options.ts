import { z } from 'zod';

/** What a draft may carry for OfferUp in `marketplaceOptions.offerup`. */
export const OfferUpDraftOptionsSchema = z
  .object({
    /** Packed weight in pounds; required when the item ships. */
    weightLb: z.number().positive().optional(),
    /** Box dimensions in inches; required when the item ships. */
    packageIn: z
      .object({ length: z.number().positive(), width: z.number().positive(), height: z.number().positive() })
      .optional(),
    /** Shown as "firm on price" (no offers below the price). */
    firmOnPrice: z.boolean().optional(),
  })
  .strict();

export type OfferUpDraftOptions = z.output<typeof OfferUpDraftOptionsSchema>;
