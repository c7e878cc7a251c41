import type { DealAlertRule } from '../deal-alert-rule';

/**
 * A stored rule for tests: every criterion empty (a rule that matches nothing until a test gives
 * it keywords or categories), enabled, created on 2026-03-01. Not exported from the package.
 */
export function ruleRecord(overrides: Partial<DealAlertRule> = {}): DealAlertRule {
  return {
    id: 'rule-1',
    userId: 'user-1',
    name: 'rule',
    enabled: true,
    keywords: [],
    excludeKeywords: [],
    categories: [],
    condition: null,
    minPrice: null,
    maxPrice: null,
    location: null,
    radiusMi: null,
    minDealScore: null,
    marketplaces: [],
    notificationChannels: [],
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
    lastTriggeredAt: null,
    ...overrides,
  };
}
