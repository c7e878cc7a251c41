import {
  type CategoryId,
  type ChannelKind,
  categoryIds,
  type DealAlertRule,
  DealAlertRuleSchema,
  type Listing,
  ListingSchema,
  localParts,
  type NotificationPreferences,
  NotificationPreferencesSchema,
} from '@deal-scout/core';

/** A small seeded PRNG (mulberry32), so every run generates the same workload. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

const hh = (hour: number) => `${String(((hour % 24) + 24) % 24).padStart(2, '0')}:00`;

/** Users, rules, listings and the alert-match stream of one benchmark run. */
export type Workload = {
  readonly preferences: NotificationPreferences[];
  readonly rules: DealAlertRule[];
  readonly listings: Listing[];
  /** Indices into `rules` and `listings`, in arrival order; repeats model re-ingests. */
  readonly matches: Array<{ rule: number; listing: number }>;
};

/**
 * Mixed preferences: channels (email 70%, push 40%, SMS 25%, Discord 20%), frequency (70%
 * immediate, 20% daily, 10% weekly), 20% in quiet hours right now and 10% with quiet hours later
 * today, 25% with a daily cap of 3–10, 15% with category filters, time zones round the world.
 */
export function generateWorkload(options: {
  readonly users: number;
  readonly matches: number;
  readonly listings: number;
  readonly now: Date;
  readonly seed: number;
}): Workload {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const iso = options.now.toISOString();
  const preferences: NotificationPreferences[] = [];
  const rules: DealAlertRule[] = [];
  for (let u = 0; u < options.users; u++) {
    const userId = `user-${u}`;
    const channels: ChannelKind[] = [];
    if (random() < 0.7) channels.push('email');
    if (random() < 0.4) channels.push('push');
    if (random() < 0.25) channels.push('sms');
    if (random() < 0.2) channels.push('discord');
    if (channels.length === 0) channels.push('email');
    const timeZone = pick(zones);
    const hour = localParts(options.now, timeZone).hour;
    const quietRoll = random();
    const quietHours =
      quietRoll < 0.2
        ? { start: hh(hour - 1), end: hh(hour + 2) }
        : quietRoll < 0.3
          ? { start: hh(hour + 3), end: hh(hour + 6) }
          : null;
    const frequencyRoll = random();
    const devices = 1 + Math.floor(random() * 2);
    preferences.push(
      NotificationPreferencesSchema.parse({
        userId,
        channels,
        frequency: frequencyRoll < 0.7 ? 'immediate' : frequencyRoll < 0.9 ? 'daily_digest' : 'weekly_digest',
        quietHours,
        categoryFilters:
          random() < 0.15 ? [pick(['electronics', 'home', 'vehicles', 'fashion']) as CategoryId] : [],
        maxNotificationsPerDay: random() < 0.25 ? 3 + Math.floor(random() * 8) : null,
        timeZone,
        addresses: {
          email: `${userId}@example.com`,
          phone: `+1415555${String(u).padStart(4, '0')}`,
          discordWebhookUrl: `https://discord.com/api/webhooks/${String(100000000000000000 + u)}/${'t'.repeat(68)}`,
          pushSubscriptions: Array.from({ length: devices }, (_, d) => ({
            endpoint: `https://push.example/${userId}/${d}`,
            keys: {
              p256dh:
                'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
              auth: 'tBHItJI5svbpez7KI4CCXg',
            },
          })),
        },
        updatedAt: iso,
      }),
    );
    const ruleCount = 1 + Math.floor(random() * 5);
    for (let r = 0; r < ruleCount; r++) {
      const narrowed = random() < 0.1 ? [pick(['email', 'push', 'sms', 'discord'] as const)] : [];
      rules.push(
        DealAlertRuleSchema.parse({
          id: `${userId}-rule-${r}`,
          userId,
          name: `Deals ${r} for ${userId}`,
          keywords: ['deal'],
          notificationChannels: narrowed,
          createdAt: iso,
          updatedAt: iso,
        }),
      );
    }
  }
  const listings = Array.from({ length: options.listings }, (_, i) =>
    ListingSchema.parse({
      marketplace: 'ebay',
      externalId: String(i),
      id: `ebay:${i}`,
      title: `Listing ${i} – ${pick(['Gaming PC', 'Road bike', 'Sofa', 'Camera', 'Jacket', 'Honda Civic'])} “like new”`,
      price: { amount: 1000 + Math.floor(random() * 200_000), currency: 'USD' },
      url: `https://www.ebay.com/itm/${i}`,
      images: [`https://i.ebayimg.com/images/${i}.jpg`],
      category: pick(categoryIds),
      dealScore: Math.round(random() * 100) / 100,
      postedAt: iso,
    }),
  );
  const matches: Workload['matches'] = [];
  const byUser = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    byUser.set(rule.userId, [...(byUser.get(rule.userId) ?? []), index]);
  });
  for (let m = 0; m < options.matches; m++) {
    // 3% of the stream replays an earlier match (a re-ingest or a retried event).
    if (m > 0 && random() < 0.03) {
      matches.push(pick(matches));
      continue;
    }
    const user = pick(preferences).userId;
    matches.push({ rule: pick(byUser.get(user) ?? [0]), listing: Math.floor(random() * listings.length) });
  }
  return { preferences, rules, listings, matches };
}
