import { z } from 'zod';
import { CategoryIdSchema } from '../listing/categories';
import { ConditionSchema } from '../listing/condition';
import { ListingStatusSchema } from '../listing/listing';
import { MoneySchema } from '../listing/money';

/** Validates a `SearchQueryV1`, so bad input gets a `ValidationError` naming the field. */
export const SearchQuerySchema = z.object({
  text: z.string().max(1000).optional(),
  fuzzy: z.boolean().optional(),
  filters: z
    .object({
      categories: z.array(CategoryIdSchema).optional(),
      conditions: z.array(ConditionSchema).optional(),
      marketplaces: z.array(z.string()).optional(),
      statuses: z.array(ListingStatusSchema).optional(),
      minPrice: MoneySchema.optional(),
      maxPrice: MoneySchema.optional(),
      near: z
        .object({
          point: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
          radiusMi: z.number().positive().max(12_500),
        })
        .optional(),
    })
    .optional(),
  sort: z.enum(['relevance', 'newest', 'price_ascending', 'price_descending']).optional(),
  facets: z.array(z.enum(['category', 'condition', 'marketplace'])).optional(),
  limit: z.number().int('must be an integer').min(1, 'must be at least 1').max(100, 'must be at most 100'),
  cursor: z.string().max(4096).nullable().optional(),
});
