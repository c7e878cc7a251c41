import { z } from 'zod';

/** A rendered message without its recipient (resolved from preferences when it is sent). */
export const OutboxMessageSchema = z.object({
  subject: z.string().max(1000).optional(),
  text: z.string().max(20_000),
  html: z.string().max(200_000).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  discord: z.record(z.string(), z.unknown()).optional(),
  push: z.record(z.string(), z.unknown()).optional(),
});
export type OutboxMessage = z.output<typeof OutboxMessageSchema>;

/**
 * What the notifications service stores in `OutboxEntry.payload`. Messages are rendered when
 * enqueued, so a retry sends exactly what the first attempt sent; the recipient is looked up at
 * send time, so a removed webhook or an opted-out phone is never used.
 */
export const OutboxPayloadSchema = z.object({
  kind: z.enum(['deal_alert', 'digest', 'test', 'message']),
  message: OutboxMessageSchema,
  /** Sent during quiet hours (and counted, never blocked, by the daily cap). */
  critical: z.boolean().default(false),
  ruleId: z.string().optional(),
  listingId: z.string().optional(),
  /** Digest period (`daily:2026-03-09`). */
  period: z.string().optional(),
  /** Push only: the subscription endpoint this entry delivers to (one entry per device). */
  pushEndpoint: z.string().optional(),
});
export type OutboxPayload = z.output<typeof OutboxPayloadSchema>;
