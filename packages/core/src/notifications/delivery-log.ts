import { z } from 'zod';
import { IdSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import type { StorageV1 } from '../storage/v1/storage-v1';
import type { ChannelKind } from './channel-kind';
import { type OutboxStatus, OutboxStatusSchema } from './outbox-entry';

/** A query of the delivery log. */
export const DeliveryQuerySchema = z.object({
  userId: IdSchema.optional(),
  /** One status or several. */
  status: z.union([OutboxStatusSchema, z.array(OutboxStatusSchema).min(1).max(5)]).optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  cursor: z.string().min(1).max(2000).nullable().optional(),
});
export type DeliveryQuery = z.input<typeof DeliveryQuerySchema>;

/** One notification as the delivery log shows it (no message body, no address). */
export type DeliveryRecord = {
  readonly id: string;
  readonly userId: string;
  readonly channel: ChannelKind;
  readonly kind: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly availableAt: string;
  readonly ruleId: string | null;
  readonly listingId: string | null;
  readonly period: string | null;
  readonly providerMessageId: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * The delivery log: outbox entries newest change first, filtered by user and status, paged by
 * cursor. Throws `ValidationError` for a bad query.
 */
export async function listDeliveries(
  storage: Pick<StorageV1, 'outbox'>,
  query: DeliveryQuery,
): Promise<{ readonly items: DeliveryRecord[]; readonly nextCursor: string | null }> {
  const parsed = parseInput(DeliveryQuerySchema, query ?? {}, { subject: 'delivery query' });
  const statuses =
    parsed.status === undefined ? undefined : Array.isArray(parsed.status) ? parsed.status : [parsed.status];
  const page = await storage.outbox.list({
    limit: parsed.limit,
    cursor: parsed.cursor ?? null,
    ...(parsed.userId ? { userId: parsed.userId } : {}),
    ...(statuses ? { statuses } : {}),
  });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((entry) => ({
      id: entry.id,
      userId: entry.userId,
      channel: entry.channel,
      kind: text(entry.payload.kind) ?? 'unknown',
      status: entry.status,
      attempts: entry.attempts,
      availableAt: entry.availableAt,
      ruleId: text(entry.payload.ruleId),
      listingId: text(entry.payload.listingId),
      period: text(entry.payload.period),
      providerMessageId: entry.providerMessageId,
      lastError: entry.lastError,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
    })),
  };
}
