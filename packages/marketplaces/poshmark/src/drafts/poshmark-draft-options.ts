import { MoneySchema } from '@deal-scout/core';
import { z } from 'zod';
import { poshmarkDepartments } from '../categories/poshmark-categories';

/** What a draft may carry for Poshmark in `marketplaceOptions.poshmark`. */
export const PoshmarkDraftOptionsSchema = z
  .object({
    /** Overrides the department derived from the canonical category. */
    department: z.enum(poshmarkDepartments).optional(),
    /** Poshmark category by display name (`Dresses`, `Jackets & Coats`). */
    category: z.string().trim().min(1).max(60).optional(),
    /** Poshmark subcategory by display name. */
    subcategory: z.string().trim().min(1).max(60).optional(),
    /** The original retail price, shown struck through. */
    originalPrice: MoneySchema.optional(),
    /** Style tags, at most three. */
    styleTags: z.array(z.string().trim().min(1).max(30)).max(3).optional(),
  })
  .strict();

export type PoshmarkDraftOptions = z.output<typeof PoshmarkDraftOptionsSchema>;
