import {
  type AlertMatch,
  AlertMatchSchema,
  type DealAlertRule,
  DealAlertRuleSchema,
  type Listing,
  ListingSchema,
  type MarketplaceAccount,
  MarketplaceAccountSchema,
  type NewOutboxEntry,
  type NotificationPreferences,
  NotificationPreferencesSchema,
  type PriceAnalysis,
  PriceAnalysisSchema,
} from '@deal-scout/core';

// Builders return what the core schemas output (defaults filled in), which is what storage gets.

/** An instant `minutes` after 2024-05-01T12:00:00Z. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 12, 0) + minutes * 60_000).toISOString();
}

/** A complete, valid listing; `n` makes the id, the time it was posted and the title. */
export function makeListing(n: number, overrides: Partial<Listing> = {}): Listing {
  return ListingSchema.parse({
    id: `ebay:item-${n}`,
    marketplace: 'ebay',
    externalId: `item-${n}`,
    url: `https://www.ebay.com/itm/${n}`,
    title: `Gaming PC ${n} — RTX 3060, 16 GB`,
    description: 'Lightly used, "pickup" only. Ünïcödé & emoji 🎮 kept intact.',
    price: { amount: 45_000 + n, currency: 'USD' },
    condition: 'good',
    category: 'computers',
    brand: 'Dell',
    attributes: { ram: '16 GB', year: 2021, tested: true },
    location: { lat: 41.824, lon: -71.4128, postalCode: '02903', country: 'US' },
    shipping: { available: true, cost: { amount: 2500, currency: 'USD' } },
    localPickup: true,
    images: [`https://i.ebayimg.com/images/${n}.jpg`],
    seller: { id: `seller-${n % 3}`, name: 'Sam', rating: 0.992 },
    status: 'active',
    postedAt: at(n),
    ...overrides,
  });
}

export function makeRule(n: number, overrides: Partial<DealAlertRule> = {}): DealAlertRule {
  return DealAlertRuleSchema.parse({
    id: `rule-${n}`,
    userId: 'user-1',
    name: `Budget gaming PC ${n}`,
    enabled: true,
    notificationChannels: ['email'],
    keywords: ['gaming pc'],
    excludeKeywords: ['broken'],
    categories: ['computers'],
    condition: 'good',
    minPrice: null,
    maxPrice: { amount: 50_000, currency: 'USD' },
    location: null,
    radiusMi: null,
    minDealScore: null,
    marketplaces: [],
    createdAt: at(n),
    updatedAt: at(n),
    lastTriggeredAt: null,
    ...overrides,
  });
}

export function makeMatch(n: number, overrides: Partial<AlertMatch> = {}): AlertMatch {
  return AlertMatchSchema.parse({
    id: `match-${n}`,
    ruleId: 'rule-1',
    userId: 'user-1',
    listingId: `ebay:item-${n}`,
    matchedAt: at(n),
    reasons: ['keyword "gaming pc"', 'price $450 ≤ $500'],
    source: 'realtime',
    ...overrides,
  });
}

export function makeOutboxEntry(n: number, overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return {
    id: `outbox-${n}`,
    dedupeKey: `user-1:rule-1:ebay:item-${n}:email`,
    userId: 'user-1',
    channel: 'email',
    payload: { listingId: `ebay:item-${n}`, title: `Gaming PC ${n}`, nested: { list: [1, 'two', null] } },
    availableAt: at(n),
    ...overrides,
  };
}

export function makePreferences(
  userId: string,
  overrides: Partial<NotificationPreferences> = {},
): NotificationPreferences {
  return NotificationPreferencesSchema.parse({
    userId,
    channels: ['email', 'sms'],
    frequency: 'immediate',
    quietHours: { start: '22:00', end: '07:00' },
    categoryFilters: ['computers'],
    maxNotificationsPerDay: 20,
    timeZone: 'America/New_York',
    addresses: { email: 'sam@example.com', phone: '+14015550123', pushSubscriptions: [] },
    updatedAt: at(0),
    ...overrides,
  });
}

export function makeAccount(n: number, overrides: Partial<MarketplaceAccount> = {}): MarketplaceAccount {
  return MarketplaceAccountSchema.parse({
    id: `account-${n}`,
    userId: 'user-1',
    marketplace: 'ebay',
    externalAccountId: `ebay-user-${n}`,
    displayName: 'Sam on eBay',
    scopes: ['https://api.ebay.com/oauth/api_scope/sell.inventory'],
    status: 'active',
    accessTokenExpiresAt: at(120),
    encryptedTokens: `v1.key-1.aXY.c2VjcmV0LXRva2Vucy0${n}`,
    marketplaceData: { marketplaceId: 'EBAY_US' },
    connectedAt: at(n),
    updatedAt: at(n),
    ...overrides,
  });
}

export function makeAnalysis(
  listingId: string,
  minutes: number,
  overrides: Partial<PriceAnalysis> = {},
): PriceAnalysis {
  return PriceAnalysisSchema.parse({
    id: `analysis-${listingId}-${minutes}`,
    listingId,
    analyzedAt: at(minutes),
    marketAvg: { amount: 48_000, currency: 'USD' },
    marketMedian: { amount: 47_500, currency: 'USD' },
    marketMin: { amount: 30_000, currency: 'USD' },
    marketMax: { amount: 70_000, currency: 'USD' },
    comparableListings: 12,
    recommendedPrice: { amount: 47_000, currency: 'USD' },
    priceRangeMin: { amount: 42_000, currency: 'USD' },
    priceRangeMax: { amount: 52_000, currency: 'USD' },
    priceTrend: 'decreasing',
    trendPctChange: -4.2,
    confidence: 0.81,
    anomaly: null,
    dealScore: 0.7,
    method: 'comparables',
    modelVersion: null,
    comparables: [
      {
        listingId: 'ebay:other',
        title: 'Gaming PC',
        price: { amount: 46_000, currency: 'USD' },
        sold: true,
        similarity: 0.9,
        postedAt: at(-100),
      },
    ],
    note: null,
    ...overrides,
  });
}
