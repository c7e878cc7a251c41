import { z } from 'zod';
import { IdSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';

/**
 * A listing matched a rule. Unique per (rule, listing): storing the same pair twice is a no-op,
 * which is what makes real-time matching and the catch-up check safe to overlap.
 */
export const AlertMatchSchema = z.object({
  id: IdSchema,
  ruleId: IdSchema,
  userId: IdSchema,
  listingId: z.string().min(1),
  matchedAt: TimestampSchema,
  /** Why it matched, in words (`keyword "gaming pc"`, `price $450 ≤ $500`). */
  reasons: z.array(z.string()).default([]),
  /** `realtime` on ingest, `catch_up` from the periodic check. */
  source: z.enum(['realtime', 'catch_up', 'test']),
});
export type AlertMatch = z.output<typeof AlertMatchSchema>;
