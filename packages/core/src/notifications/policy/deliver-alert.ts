import type { Listing } from '../../listing/listing';
import type { AlertMatch } from '../../rules/alert-match';
import type { DealAlertRule } from '../../rules/deal-alert-rule';
import { createId } from '../../shared/ids';
import type { ChannelKind } from '../channel-kind';
import { addToDigest } from '../digests/digest-bucket';
import type { NotificationsDeps } from '../notifications-deps';
import type { OutboxPayload } from '../outbox/outbox-payload';
import type { NewOutboxEntry } from '../outbox-entry';
import { loadDealView } from '../templates/deal-view';
import { renderAlertMessage } from '../templates/render-messages';
import { passesCategoryFilters } from './category-filter';
import { capDay, releaseDailySlot, reserveDailySlot } from './daily-cap';
import { alertDedupeKey } from './dedupe-keys';
import { deliveryRoute } from './frequency';
import { quietHoursRelease } from './quiet-hours';
import { selectChannels } from './select-channels';

/** An alert match to turn into notifications. */
export type AlertDeliveryRequest = {
  readonly match: AlertMatch;
  readonly rule: DealAlertRule;
  readonly listing: Listing;
  /** Delivered during quiet hours, and past the daily cap (still counted). */
  readonly critical?: boolean;
};

/** What the delivery policy decided for one alert match. */
export type AlertDeliveryOutcome =
  | {
      readonly status: 'enqueued';
      readonly entryIds: readonly string[];
      readonly channels: readonly ChannelKind[];
      /** When quiet hours held the notification back, the instant they end. */
      readonly deferredUntil: string | null;
    }
  | { readonly status: 'digested'; readonly period: string; readonly reason: 'frequency' | 'daily_cap' }
  | { readonly status: 'suppressed'; readonly reason: 'category_filtered' | 'no_channels' | 'duplicate' };

/**
 * The delivery policy for one alert match, applying each rule in turn: categories
 * (`category-filter`), channels (`select-channels`), frequency (`frequency`: digest users get the
 * deal in their next digest), quiet hours (`quiet-hours`: defer to their end), the daily cap
 * (`daily-cap`: over the cap, fold into the next daily digest) and deduplication (`dedupe-keys`:
 * the outbox keeps one entry per user, rule, listing and channel). Notifications are written to
 * the outbox before anything is sent.
 */
export async function deliverAlert(
  deps: NotificationsDeps,
  request: AlertDeliveryRequest,
): Promise<AlertDeliveryOutcome> {
  const { context, settings } = deps;
  const { match, rule, listing } = request;
  const critical = request.critical ?? false;
  const userId = match.userId;
  const ids = { userId, ruleId: rule.id, listingId: listing.id };
  const preferences = await deps.preferences.get(userId);

  if (!passesCategoryFilters(preferences.categoryFilters, listing.category)) {
    context.events.emit('notification.suppressed', { ...ids, reason: 'category_filtered', skipped: [] });
    return { status: 'suppressed', reason: 'category_filtered' };
  }
  const { channels, skipped } = selectChannels(preferences, rule, new Set(context.channels.keys()));
  if (channels.length === 0) {
    context.events.emit('notification.suppressed', { ...ids, reason: 'no_channels', skipped });
    return { status: 'suppressed', reason: 'no_channels' };
  }

  const now = context.clock.now();
  const digest = async (frequency: 'daily_digest' | 'weekly_digest', via: 'frequency' | 'daily_cap') => {
    const { period } = await addToDigest(context.storage.state, {
      userId,
      frequency,
      timeZone: preferences.timeZone,
      digestTime: settings.digestTime,
      at: now,
      item: {
        ruleId: rule.id,
        ruleName: rule.name,
        listingId: listing.id,
        matchedAt: match.matchedAt,
        reasons: match.reasons,
        via,
      },
    });
    context.events.emit('notification.digested', { ...ids, period, reason: via });
    return { status: 'digested', period, reason: via } as const;
  };

  if (deliveryRoute(preferences.frequency) === 'digest') {
    return digest(preferences.frequency as 'daily_digest' | 'weekly_digest', 'frequency');
  }

  const { deliverAt, deferred } = quietHoursRelease(now, preferences, critical);
  const localDate = capDay(deliverAt, preferences.timeZone);
  const slot = { userId, localDate, max: preferences.maxNotificationsPerDay, force: critical };
  if (!(await reserveDailySlot(context.storage.state, slot))) return digest('daily_digest', 'daily_cap');

  const deal = await loadDealView(context.storage, listing, rule, match.reasons);
  const entries: NewOutboxEntry[] = [];
  for (const channel of channels) {
    let message: OutboxPayload['message'];
    try {
      message = renderAlertMessage(channel, deal, userId, deps.templates);
    } catch (error) {
      // One channel's template failing (no unsubscribe URL for email) must not cost the others.
      context.reportError(`notifications alert render (${channel})`, error);
      continue;
    }
    const endpoints =
      channel === 'push' ? preferences.addresses.pushSubscriptions.map((sub) => sub.endpoint) : [undefined];
    for (const endpoint of endpoints) {
      const payload: OutboxPayload = {
        kind: 'deal_alert',
        message,
        critical,
        ruleId: rule.id,
        listingId: listing.id,
        ...(endpoint ? { pushEndpoint: endpoint } : {}),
      };
      entries.push({
        id: createId('ntf'),
        dedupeKey: alertDedupeKey({ ...ids, channel }, endpoint),
        userId,
        channel,
        payload,
        availableAt: deliverAt.toISOString(),
      });
    }
  }
  if (entries.length === 0) {
    if (preferences.maxNotificationsPerDay !== null) await releaseDailySlot(context.storage.state, slot);
    context.events.emit('notification.suppressed', { ...ids, reason: 'no_channels', skipped });
    return { status: 'suppressed', reason: 'no_channels' };
  }
  const written = await context.storage.outbox.enqueueMany(entries, { now: now.toISOString() });
  if (written.length === 0) {
    if (preferences.maxNotificationsPerDay !== null) await releaseDailySlot(context.storage.state, slot);
    context.events.emit('notification.suppressed', { ...ids, reason: 'duplicate', skipped });
    return { status: 'suppressed', reason: 'duplicate' };
  }
  for (const entry of written) {
    context.events.emit('notification.enqueued', {
      id: entry.id,
      userId,
      channel: entry.channel,
      kind: 'deal_alert',
      availableAt: entry.availableAt,
      deferred,
    });
  }
  return {
    status: 'enqueued',
    entryIds: written.map((entry) => entry.id),
    channels: [...new Set(written.map((entry) => entry.channel))],
    deferredUntil: deferred ? deliverAt.toISOString() : null,
  };
}
