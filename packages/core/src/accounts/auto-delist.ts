import { DealScoutError } from '../errors/deal-scout-error';
import { toDealScoutError } from '../runtime/call-with-retries';
import type { RuntimeContext } from '../runtime/runtime-context';
import type { AccountAccess } from './account-access';
import type { CrossPostRecords } from './cross-post-records';
import type { AutoDelistResult } from './cross-post-result';
import { targetForRecord, withTargetAccess } from './resolve-seller-access';

/**
 * Auto-delist: when a cross-posted item sells on one marketplace, its listings on the others are
 * withdrawn (reason `sold_elsewhere`) where the adapter can withdraw. Repeated sale notices are
 * harmless: withdrawn listings are recorded and skipped.
 */
export function createAutoDelister(options: {
  readonly context: RuntimeContext;
  readonly access: AccountAccess;
  readonly records: CrossPostRecords;
}) {
  const { context, access, records } = options;

  /** Handles a sale of `externalId` on `marketplace`; returns `null` when it is not a cross-posted item. */
  async function handleSold(
    marketplace: string,
    externalId: string,
  ): Promise<readonly AutoDelistResult[] | null> {
    const item = await records.itemOfListing(marketplace, externalId);
    if (!item) return null;
    const results: AutoDelistResult[] = [];
    for (const other of await records.marketplacesOf(item.sellerId, item.sku)) {
      if (other === marketplace) continue;
      const entry = await records.getPublish(item.sellerId, item.sku, other);
      const record = entry?.record;
      if (!entry || !record?.externalId) continue;
      if (record.status === 'withdrawn') {
        results.push({ marketplace: other, externalId: record.externalId, status: 'already_withdrawn' });
        continue;
      }
      if (record.status !== 'published') continue;
      const adapter = context.marketplaces.get(other);
      if (!adapter?.capabilities.withdraw) {
        results.push({ marketplace: other, externalId: record.externalId, status: 'unsupported' });
        continue;
      }
      try {
        const target = await targetForRecord(context, other, record.accountId, item.sellerId);
        if (target.kind === 'missing') throw new Error(target.reason);
        await withTargetAccess(access, target, (credentials) =>
          context.marketplace(other).withdraw({
            externalId: record.externalId as string,
            access: credentials,
            reason: 'sold_elsewhere',
          }),
        );
        await records.setPublish(
          item.sellerId,
          item.sku,
          other,
          { ...record, status: 'withdrawn' },
          entry.version,
        );
        results.push({ marketplace: other, externalId: record.externalId, status: 'withdrawn' });
      } catch (error) {
        const wrapped = DealScoutError.isInstance(error) ? error : toDealScoutError(error, other, 'withdraw');
        results.push({
          marketplace: other,
          externalId: record.externalId,
          status: 'failed',
          error: { code: wrapped.code, message: wrapped.message, isRetryable: wrapped.isRetryable },
        });
      }
    }
    context.events.emit('crosspost.delisted', {
      sellerId: item.sellerId,
      sku: item.sku,
      soldOn: marketplace,
      results,
    });
    return results;
  }

  /** Reacts to stored listings turning `sold` (from polling or a host feed). Returns an unsubscribe. */
  function watchListingStatus(): () => void {
    const listener = ({
      listing,
    }: {
      listing: { marketplace: string; externalId: string; status: string };
    }) => {
      if (listing.status !== 'sold') return;
      handleSold(listing.marketplace, listing.externalId).catch((error: unknown) =>
        context.reportError('crosspost.auto-delist', error),
      );
    };
    context.events.on('listing.status_changed', listener);
    return () => context.events.off('listing.status_changed', listener);
  }

  return { handleSold, watchListingStatus };
}
