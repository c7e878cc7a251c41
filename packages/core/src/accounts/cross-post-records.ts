import { z } from 'zod';
import { StorageError } from '../errors/storage-error';
import type { StateRepositoryV1 } from '../storage/v1/state-repository-v1';

/**
 * The idempotency record of one (seller, SKU, marketplace): written as `in_progress` before the
 * publish call and completed after it, so a retried cross-post never posts twice.
 */
export const PublishRecordSchema = z.object({
  status: z.enum(['in_progress', 'published', 'failed', 'withdrawn']),
  startedAt: z.string(),
  accountId: z.string().nullable(),
  externalId: z.string().optional(),
  url: z.string().nullable().optional(),
  publishStatus: z.enum(['published', 'pending']).optional(),
  warnings: z.array(z.string()).default([]),
  error: z.object({ code: z.string(), message: z.string(), isRetryable: z.boolean() }).optional(),
});
export type PublishRecord = z.output<typeof PublishRecordSchema>;

/** Which marketplaces an item was cross-posted to. */
const ItemRecordSchema = z.object({ marketplaces: z.array(z.string()) });
/** Which item a marketplace listing belongs to (for auto-delist). */
const ListingRecordSchema = z.object({ sellerId: z.string(), sku: z.string() });

const part = encodeURIComponent;
const publishKey = (sellerId: string, sku: string, marketplace: string) =>
  `crosspost.publish.${part(sellerId)}.${part(sku)}.${marketplace}`;
const itemKey = (sellerId: string, sku: string) => `crosspost.item.${part(sellerId)}.${part(sku)}`;
const listingKey = (marketplace: string, externalId: string) =>
  `crosspost.listing.${marketplace}.${part(externalId)}`;

/** Cross-post bookkeeping in `storage.state`. */
export function createCrossPostRecords(state: StateRepositoryV1) {
  return {
    async getPublish(sellerId: string, sku: string, marketplace: string) {
      const entry = await state.get(publishKey(sellerId, sku, marketplace));
      if (!entry) return null;
      const parsed = PublishRecordSchema.safeParse(entry.value);
      return parsed.success ? { record: parsed.data, version: entry.version } : null;
    },
    /** Compare-and-set write; `null` when another writer changed the record first. */
    setPublish(
      sellerId: string,
      sku: string,
      marketplace: string,
      record: PublishRecord,
      expectedVersion: number | null,
    ) {
      return state.set(publishKey(sellerId, sku, marketplace), record, { expectedVersion });
    },
    /** Adds a marketplace to the item's list (compare-and-set loop, so concurrent adds all land). */
    async addMarketplace(sellerId: string, sku: string, marketplace: string): Promise<void> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const entry = await state.get(itemKey(sellerId, sku));
        const current = ItemRecordSchema.safeParse(entry?.value);
        const marketplaces = current.success ? current.data.marketplaces : [];
        if (marketplaces.includes(marketplace)) return;
        const written = await state.set(
          itemKey(sellerId, sku),
          { marketplaces: [...marketplaces, marketplace] },
          { expectedVersion: entry?.version ?? null },
        );
        if (written !== null) return;
      }
      throw new StorageError({
        message: 'cross-post item record kept changing',
        isRetryable: true,
        source: 'accounts',
      });
    },
    async marketplacesOf(sellerId: string, sku: string): Promise<string[]> {
      const parsed = ItemRecordSchema.safeParse((await state.get(itemKey(sellerId, sku)))?.value);
      return parsed.success ? parsed.data.marketplaces : [];
    },
    async linkListing(marketplace: string, externalId: string, sellerId: string, sku: string): Promise<void> {
      await state.set(listingKey(marketplace, externalId), { sellerId, sku });
    },
    async itemOfListing(marketplace: string, externalId: string) {
      const parsed = ListingRecordSchema.safeParse(
        (await state.get(listingKey(marketplace, externalId)))?.value,
      );
      return parsed.success ? parsed.data : null;
    },
  };
}

export type CrossPostRecords = ReturnType<typeof createCrossPostRecords>;
