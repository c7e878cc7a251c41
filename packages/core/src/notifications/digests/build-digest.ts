import type { Listing } from '../../listing/listing';
import { createId } from '../../shared/ids';
import type { ChannelKind } from '../channel-kind';
import type { NotificationsDeps } from '../notifications-deps';
import type { OutboxPayload } from '../outbox/outbox-payload';
import type { NewOutboxEntry } from '../outbox-entry';
import { digestDedupeKey } from '../policy/dedupe-keys';
import { quietHoursRelease } from '../policy/quiet-hours';
import { selectChannels } from '../policy/select-channels';
import { type DealView, toDealView } from '../templates/deal-view';
import { renderDigestMessage } from '../templates/render-messages';
import { closeBucket, markBucketBuilt } from './digest-bucket';
import { closeDigestIndexEntry } from './digest-index';

/** What building one digest did. */
export type DigestBuildOutcome =
  | { readonly status: 'enqueued'; readonly channels: ChannelKind[]; readonly deals: number }
  | { readonly status: 'already_built' | 'empty' | 'no_channels' | 'missing' };

async function dealViews(
  deps: NotificationsDeps,
  items: ReadonlyArray<{ listingId: string; ruleId: string; ruleName: string; reasons: readonly string[] }>,
): Promise<DealView[]> {
  const { storage } = deps.context;
  const listings = new Map<string, Listing>(
    (await storage.listings.getMany(items.map((item) => item.listingId))).map((listing) => [
      listing.id,
      listing,
    ]),
  );
  const views: DealView[] = [];
  for (const item of items) {
    const listing = listings.get(item.listingId);
    // A listing deleted since it matched has nothing left to show.
    if (!listing || listing.status === 'removed') continue;
    const analysis = await storage.priceAnalyses.latest(listing.id);
    views.push(toDealView(listing, analysis, { id: item.ruleId, name: item.ruleName }, item.reasons));
  }
  return views.sort((a, b) => (b.dealScore ?? -1) - (a.dealScore ?? -1));
}

/**
 * Builds one user's digest for one period, atomically and at most once: the bucket is closed
 * first (later items go to the next period), every channel's message is enqueued with a dedupe
 * key per (user, period, channel), then the bucket is marked built. Two jobs building the same
 * digest at once both close the same bucket and enqueue the same keys, and the outbox keeps
 * one; a job that crashes midway leaves the digest listed, and the next run finishes it.
 */
export async function buildDigest(
  deps: NotificationsDeps,
  digest: { readonly userId: string; readonly period: string },
): Promise<DigestBuildOutcome> {
  const { context } = deps;
  const { storage } = context;
  const bucket = await closeBucket(storage.state, digest.userId, digest.period);
  const finish = async () => {
    await markBucketBuilt(storage.state, digest.userId, digest.period, context.now());
    await closeDigestIndexEntry(storage.state, digest);
  };
  if (!bucket) {
    await closeDigestIndexEntry(storage.state, digest);
    return { status: 'missing' };
  }
  if (bucket.builtAt !== null) {
    await closeDigestIndexEntry(storage.state, digest);
    return { status: 'already_built' };
  }
  const deals = await dealViews(deps, bucket.items);
  if (deals.length === 0) {
    await finish();
    return { status: 'empty' };
  }
  const preferences = await deps.preferences.get(digest.userId);
  const { channels } = selectChannels(preferences, null, new Set(context.channels.keys()));
  if (channels.length === 0) {
    await finish();
    return { status: 'no_channels' };
  }
  const now = context.clock.now();
  const { deliverAt } = quietHoursRelease(now, preferences);
  const totalDeals = deals.length + bucket.overflow;
  const entries: NewOutboxEntry[] = [];
  for (const channel of channels) {
    let message: OutboxPayload['message'];
    try {
      message = renderDigestMessage(
        channel,
        deals,
        { userId: digest.userId, period: digest.period, periodLabel: bucket.label, totalDeals },
        deps.templates,
      );
    } catch (error) {
      context.reportError(`notifications digest render (${channel})`, error);
      continue;
    }
    const endpoints =
      channel === 'push' ? preferences.addresses.pushSubscriptions.map((sub) => sub.endpoint) : [undefined];
    for (const endpoint of endpoints) {
      const payload: OutboxPayload = {
        kind: 'digest',
        message,
        critical: false,
        period: digest.period,
        ...(endpoint ? { pushEndpoint: endpoint } : {}),
      };
      entries.push({
        id: createId('ntf'),
        dedupeKey: digestDedupeKey({ userId: digest.userId, period: digest.period, channel }, endpoint),
        userId: digest.userId,
        channel,
        payload,
        availableAt: deliverAt.toISOString(),
      });
    }
  }
  const written = await storage.outbox.enqueueMany(entries, { now: now.toISOString() });
  for (const entry of written) {
    context.events.emit('notification.enqueued', {
      id: entry.id,
      userId: entry.userId,
      channel: entry.channel,
      kind: 'digest',
      availableAt: entry.availableAt,
      deferred: entry.availableAt > now.toISOString(),
    });
  }
  await finish();
  if (written.length > 0) {
    context.events.emit('notification.digest_built', {
      userId: digest.userId,
      period: digest.period,
      channels: [...new Set(written.map((entry) => entry.channel))],
      deals: totalDeals,
    });
  }
  return { status: 'enqueued', channels, deals: totalDeals };
}
