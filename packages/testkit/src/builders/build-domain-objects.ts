import {
  type AlertMatch,
  AlertMatchSchema,
  type DealAlertRule,
  DealAlertRuleSchema,
  type Listing,
  type ListingInput,
  ListingSchema,
  type MarketplaceAccount,
  MarketplaceAccountSchema,
  type NewOutboxEntry,
  type NotificationPreferences,
  NotificationPreferencesSchema,
  type PriceAnalysis,
  PriceAnalysisSchema,
} from '@deal-scout/core';

let sequence = 0;
/** A process-unique suffix, so builders never collide across tests sharing a store. */
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36).padStart(4, '0')}`;

/** An ISO timestamp `minutes` after 2026-01-05T09:00:00Z (the manual clock's default start). */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 5, 9, 0) + minutes * 60_000).toISOString();
}

/** A valid listing; `overrides` win. `id` follows `marketplace` and `externalId`. */
export function buildListing(overrides: Partial<ListingInput> = {}): Listing {
  const marketplace = overrides.marketplace ?? 'testmarket';
  const externalId = overrides.externalId ?? `ext-${next()}`;
  return ListingSchema.parse({
    title: 'Sony PlayStation 5 console',
    price: { amount: 35_000, currency: 'USD' },
    postedAt: at(0),
    category: 'video-games',
    condition: 'good',
    ...overrides,
    marketplace,
    externalId,
    id: `${marketplace}:${externalId}`,
  });
}

/** A valid deal alert rule of `userId` (default `user-1`). */
export function buildRule(overrides: Partial<DealAlertRule> = {}): DealAlertRule {
  return DealAlertRuleSchema.parse({
    id: `rule-${next()}`,
    userId: 'user-1',
    name: 'Cheap consoles',
    keywords: ['playstation'],
    maxPrice: { amount: 40_000, currency: 'USD' },
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  });
}

/** A valid alert match. */
export function buildAlertMatch(overrides: Partial<AlertMatch> = {}): AlertMatch {
  return AlertMatchSchema.parse({
    id: `match-${next()}`,
    ruleId: 'rule-1',
    userId: 'user-1',
    listingId: `testmarket:ext-${next()}`,
    matchedAt: at(0),
    reasons: ['keyword "playstation"'],
    source: 'realtime',
    ...overrides,
  });
}

/** A new outbox entry (what the notification policy enqueues). */
export function buildOutboxEntry(overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  const id = overrides.id ?? `out-${next()}`;
  return {
    id,
    dedupeKey: `alert:user-1:${id}:email`,
    userId: 'user-1',
    channel: 'email',
    payload: { listingId: 'testmarket:1', title: 'Sony PlayStation 5 console' },
    availableAt: at(0),
    ...overrides,
  };
}

/** A connected marketplace account (with a fake encrypted token envelope). */
export function buildAccount(overrides: Partial<MarketplaceAccount> = {}): MarketplaceAccount {
  return MarketplaceAccountSchema.parse({
    id: `acct-${next()}`,
    userId: 'user-1',
    marketplace: 'testmarket',
    externalAccountId: `seller-${next()}`,
    status: 'active',
    accessTokenExpiresAt: at(120),
    encryptedTokens: 'v1.key-1.aXY.Y2lwaGVydGV4dA',
    connectedAt: at(0),
    updatedAt: at(0),
    ...overrides,
  });
}

/** Notification preferences of `userId`. */
export function buildPreferences(overrides: Partial<NotificationPreferences> = {}): NotificationPreferences {
  return NotificationPreferencesSchema.parse({
    userId: 'user-1',
    channels: ['email', 'sms'],
    frequency: 'immediate',
    quietHours: { start: '22:00', end: '07:00' },
    timeZone: 'America/New_York',
    addresses: { email: 'buyer@example.com', phone: '+14155550123' },
    updatedAt: at(0),
    ...overrides,
  });
}

/** A price analysis of a listing. */
export function buildPriceAnalysis(overrides: Partial<PriceAnalysis> = {}): PriceAnalysis {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  return PriceAnalysisSchema.parse({
    id: `analysis-${next()}`,
    listingId: 'testmarket:1',
    analyzedAt: at(0),
    marketAvg: usd(40_000),
    marketMedian: usd(39_000),
    marketMin: usd(25_000),
    marketMax: usd(55_000),
    comparableListings: 12,
    recommendedPrice: usd(38_000),
    priceRangeMin: usd(34_000),
    priceRangeMax: usd(42_000),
    priceTrend: 'stable',
    trendPctChange: -1.5,
    confidence: 0.7,
    anomaly: null,
    dealScore: 0.62,
    method: 'comparables',
    modelVersion: null,
    comparables: [],
    note: null,
    ...overrides,
  });
}
