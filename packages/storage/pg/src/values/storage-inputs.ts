import {
  AlertMatchSchema,
  ChannelKindSchema,
  DealAlertRuleSchema,
  isValidatedListing,
  type Listing,
  ListingSchema,
  ListingStatusSchema,
  MarketplaceAccountSchema,
  NotificationPreferencesSchema,
  OutboxEntrySchema,
  OutboxStatusSchema,
  PriceAnalysisSchema,
  TimestampSchema,
  toValidationIssues,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import { assertStorable } from './storable-value';

/**
 * The schemas every repository method validates its input with before any SQL runs, so bad input
 * becomes a `ValidationError` naming the field instead of a database error or a partial write.
 * Domain objects use the core schemas; the rest bounds what PostgreSQL would reject.
 */

/** An instant PostgreSQL can hold: core's ISO-8601 timestamp, from year 1 on (there is no year 0). */
export const StorableTimestampSchema = TimestampSchema.refine(
  (value) => value >= '0001-01-01T00:00:00.000Z',
  'must be in year 1 or later',
);

/** An id to look up: anything up to 1000 characters (unknown ids simply find nothing). */
export const LookupIdSchema = z.string().max(1000, 'must be at most 1000 characters');

export const LookupIdsSchema = z.array(LookupIdSchema).max(100_000, 'must list at most 100000 ids');

export const PageRequestSchema = z.object({
  limit: z.number().int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  cursor: z.string().max(4096).nullable().optional(),
});

export const ListingQuerySchema = PageRequestSchema.extend({
  ids: LookupIdsSchema.optional(),
  marketplace: z.string().max(100).optional(),
  sellerId: z.string().max(1000).optional(),
  statuses: z.array(ListingStatusSchema).optional(),
  categories: z.array(z.string().max(200)).max(1000).optional(),
  postedSince: StorableTimestampSchema.optional(),
});

const firstStorableInstant = '0001-01-01T00:00:00.000Z';

/** Core's listing, with its column timestamps in PostgreSQL's range. */
export const StorableListingSchema = ListingSchema.superRefine((listing, ctx) => {
  for (const field of ['postedAt', 'updatedAt', 'soldAt'] as const) {
    const value = listing[field];
    if (value !== undefined && value < firstStorableInstant) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'must be in year 1 or later' });
    }
  }
});
export const ListingsSchema = z.array(StorableListingSchema);

/**
 * The listings of an upsert, validated. Listings that core validated and sealed (what
 * `scout.ingest` hands over, see `isValidatedListing`) are frozen and known to be valid, so they
 * are only checked for what storage adds: PostgreSQL's timestamp range. Any other listing in the
 * batch sends the whole batch through {@link ListingsSchema}. Storable text is checked separately,
 * on the JSON sent.
 */
export function validateListingsInput(listings: unknown): readonly Listing[] {
  if (!Array.isArray(listings) || !listings.every(isValidatedListing)) {
    return validateStorageInput(ListingsSchema, listings, { subject: 'listings', field: 'listings' });
  }
  listings.forEach((listing, index) => {
    for (const field of ['postedAt', 'updatedAt', 'soldAt'] as const) {
      const value = listing[field];
      if (value !== undefined && value < firstStorableInstant) {
        throw new ValidationError({
          issues: [{ field: `listings[${index}].${field}`, message: 'must be in year 1 or later' }],
          subject: 'listings',
          source: 'storage',
        });
      }
    }
  });
  return listings;
}
export const NowSchema = z.object({ now: StorableTimestampSchema });

export const RuleSchema = DealAlertRuleSchema.extend({
  createdAt: StorableTimestampSchema,
  updatedAt: StorableTimestampSchema,
  lastTriggeredAt: StorableTimestampSchema.nullable().default(null),
});
export const CreateRuleOptionsSchema = z
  .object({ maxRulesForUser: z.number().int().min(0).optional() })
  .optional();

export const PreferencesSchema = NotificationPreferencesSchema.extend({ updatedAt: StorableTimestampSchema });
export const AlertMatchesSchema = z.array(AlertMatchSchema.extend({ matchedAt: StorableTimestampSchema }));
export const MatchesByUserSchema = PageRequestSchema.extend({ since: StorableTimestampSchema.optional() });

/** At most 256 KB of serialised payload per outbox entry, as the outbox entry's contract says. */
export const maxOutboxPayloadBytes = 256 * 1024;
export const NewOutboxEntriesSchema = z.array(
  OutboxEntrySchema.pick({ id: true, dedupeKey: true, userId: true, channel: true, payload: true }).extend({
    availableAt: StorableTimestampSchema,
  }),
);
export const ClaimOptionsSchema = z.object({
  workerId: z.string().min(1).max(200),
  now: StorableTimestampSchema,
  /** At most 7 days: a longer lease would hide a crashed dispatcher's entries for too long. */
  leaseMs: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60 * 60 * 1000),
  limit: z.number().int().min(1).max(1000),
  channels: z.array(ChannelKindSchema).optional(),
});
const errorText = z.string().max(10_000);
export const MarkSentSchema = z.object({
  workerId: z.string().max(200),
  now: StorableTimestampSchema,
  providerMessageId: z.string().max(1000).nullable(),
});
export const ReleaseSchema = z.object({
  workerId: z.string().max(200),
  now: StorableTimestampSchema,
  availableAt: StorableTimestampSchema,
  error: errorText,
});
export const MarkFailedSchema = z.object({
  workerId: z.string().max(200),
  now: StorableTimestampSchema,
  error: errorText,
});
export const CancelPendingSchema = z.object({
  userId: z.string().max(1000),
  channel: ChannelKindSchema,
  now: StorableTimestampSchema,
});
export const OutboxListSchema = PageRequestSchema.extend({
  userId: z.string().max(1000).optional(),
  statuses: z.array(OutboxStatusSchema).optional(),
});

export const AccountSchema = MarketplaceAccountSchema.extend({
  accessTokenExpiresAt: StorableTimestampSchema.nullable(),
  connectedAt: StorableTimestampSchema,
  updatedAt: StorableTimestampSchema,
});
export const AnalysisSchema = PriceAnalysisSchema.extend({ analyzedAt: StorableTimestampSchema });

export const StateKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters');
/** At most 1 MB of serialised JSON per state value. */
export const maxStateValueBytes = 1024 * 1024;
export const StateSetOptionsSchema = z
  .object({ expectedVersion: z.number().int().min(0).nullable().optional() })
  .optional();

/**
 * Validates `value` with `schema` and checks every string in the result is storable; throws a
 * `ValidationError` whose field starts with `field` (`listings[3].title`).
 */
export function parseStorageInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { readonly subject: string; readonly field?: string; readonly json?: boolean },
): z.output<S> {
  const data = validateStorageInput(schema, value, options);
  assertStorable(data, {
    subject: options.subject,
    json: options.json ?? false,
    field: options.field ?? '',
  });
  return data;
}

/**
 * Validates `value` with `schema` only. The caller must still check the result is storable, as
 * the listing upsert does on the JSON text it sends (`assertStorableJsonText`).
 */
export function validateStorageInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { readonly subject: string; readonly field?: string },
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError({
      issues: toValidationIssues(result.error).map((issue) => ({
        ...issue,
        field: joinField(options.field, issue.field),
      })),
      subject: options.subject,
      source: 'storage',
      cause: result.error,
    });
  }
  return result.data;
}

/** `listings` + `[1].price` → `listings[1].price`; `options` + `now` → `options.now`. */
function joinField(prefix: string | undefined, field: string): string {
  if (!prefix) return field;
  if (field === '(input)') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}
