import { alertDedupeKey, type ChannelKind, isCategoryWithin, quietHoursRelease } from '@deal-scout/core';
import type { Workload } from './generate-workload';

/** What the policy must produce for a workload, worked out independently of the service. */
export type ExpectedOutcomes = {
  /** Outbox dedupe keys that must be delivered now, per channel. */
  readonly dueNow: Map<ChannelKind, Set<string>>;
  /** Dedupe keys held back by quiet hours (pending at the end). */
  readonly deferred: Set<string>;
  /** Deals each user must find in their open digests. */
  readonly digestItems: Map<string, number>;
  readonly suppressed: number;
  readonly duplicateEvents: number;
};

/**
 * The rules, re-stated plainly: duplicates (same rule and listing) produce nothing; category
 * filters admit descendants; channels are the user's choice narrowed by the rule; digest users
 * collect; immediate users get at most their cap per day (the rest go to the digest), deferred
 * when in quiet hours; push fans out per device.
 */
export function expectedOutcomes(workload: Workload, now: Date): ExpectedOutcomes {
  const dueNow = new Map<ChannelKind, Set<string>>(
    (['email', 'push', 'sms', 'discord'] as const).map((channel) => [channel, new Set<string>()]),
  );
  const deferred = new Set<string>();
  const digestItems = new Map<string, number>();
  const perUserImmediate = new Map<string, number>();
  const seen = new Set<string>();
  const preferences = new Map(workload.preferences.map((prefs) => [prefs.userId, prefs]));
  let suppressed = 0;
  let duplicateEvents = 0;
  for (const { rule: ruleIndex, listing: listingIndex } of workload.matches) {
    const rule = workload.rules[ruleIndex]!;
    const listing = workload.listings[listingIndex]!;
    const prefs = preferences.get(rule.userId)!;
    const pair = `${rule.id}|${listing.id}`;
    if (seen.has(pair)) {
      duplicateEvents++;
      continue;
    }
    seen.add(pair);
    const category = listing.category;
    if (
      prefs.categoryFilters.length > 0 &&
      !(category && prefs.categoryFilters.some((f) => isCategoryWithin(category, f)))
    ) {
      suppressed++;
      continue;
    }
    const wanted = rule.notificationChannels.length > 0 ? rule.notificationChannels : prefs.channels;
    const channels = wanted.filter((channel) => prefs.channels.includes(channel));
    if (channels.length === 0) {
      suppressed++;
      continue;
    }
    const addToDigest = () => digestItems.set(prefs.userId, (digestItems.get(prefs.userId) ?? 0) + 1);
    if (prefs.frequency !== 'immediate') {
      addToDigest();
      continue;
    }
    const count = (perUserImmediate.get(prefs.userId) ?? 0) + 1;
    perUserImmediate.set(prefs.userId, count);
    if (prefs.maxNotificationsPerDay !== null && count > prefs.maxNotificationsPerDay) {
      addToDigest();
      continue;
    }
    const isDeferred = quietHoursRelease(now, prefs).deferred;
    for (const channel of channels) {
      const endpoints =
        channel === 'push' ? prefs.addresses.pushSubscriptions.map((sub) => sub.endpoint) : [undefined];
      for (const endpoint of endpoints) {
        const key = alertDedupeKey(
          { userId: prefs.userId, ruleId: rule.id, listingId: listing.id, channel },
          endpoint,
        );
        if (isDeferred) deferred.add(key);
        else dueNow.get(channel)!.add(key);
      }
    }
  }
  return { dueNow, deferred, digestItems, suppressed, duplicateEvents };
}
