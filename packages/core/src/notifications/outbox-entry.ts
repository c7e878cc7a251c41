import { z } from 'zod';
import { IdSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';
import { ChannelKindSchema } from './channel-kind';

/**
 * Lifecycle of a notification in the outbox:
 * `pending` (waiting for `availableAt`) → `claimed` (a dispatcher holds a lease) → `sent` or
 * `failed` (permanent), or back to `pending` with a later `availableAt` on a retryable failure.
 * `cancelled` entries were withdrawn before sending (the channel was turned off).
 */
export const OutboxStatusSchema = z.enum(['pending', 'claimed', 'sent', 'failed', 'cancelled']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** A notification to send, written durably before any attempt. */
export const OutboxEntrySchema = z.object({
  id: IdSchema,
  /** Unique: `(user, rule, listing, channel)` for alerts, `(user, period, channel)` for digests. */
  dedupeKey: z.string().min(1).max(400),
  userId: IdSchema,
  channel: ChannelKindSchema,
  /** What to render and send; JSON, at most 256 KB serialised. */
  payload: z.record(z.string(), z.unknown()),
  status: OutboxStatusSchema,
  attempts: z.number().int().min(0),
  /** Earliest time to (re)try; quiet hours and backoff push it later. */
  availableAt: TimestampSchema,
  /** Lease holder and expiry while `claimed`; an expired lease is claimable again. */
  claimedBy: z.string().nullable(),
  claimExpiresAt: TimestampSchema.nullable(),
  providerMessageId: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type OutboxEntry = z.output<typeof OutboxEntrySchema>;

/** What the policy hands to the outbox: an entry before it has a lifecycle. */
export type NewOutboxEntry = Pick<
  OutboxEntry,
  'id' | 'dedupeKey' | 'userId' | 'channel' | 'payload' | 'availableAt'
>;
