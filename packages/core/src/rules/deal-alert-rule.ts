import { z } from 'zod';
import { CategoryIdSchema } from '../listing/categories';
import { ConditionSchema } from '../listing/condition';
import { LocationSchema } from '../listing/location';
import { MoneySchema } from '../listing/money';
import { ChannelKindSchema } from '../notifications/channel-kind';
import { IdSchema, SlugSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';

const keyword = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/**
 * The matching criteria of a deal alert rule (the roadmap's data model). An empty list or `null`
 * means "no constraint"; `docs/rule-semantics.md` defines exactly what matches.
 */
export const DealAlertCriteriaSchema = z.object({
  /** OR'd; a keyword of several words is a phrase. */
  keywords: z.array(keyword).max(50).default([]),
  /** Any of these vetoes a match. */
  excludeKeywords: z.array(keyword).max(50).default([]),
  /** Canonical categories; each matches itself and its descendants. */
  categories: z.array(CategoryIdSchema).max(50).default([]),
  /** The minimum acceptable condition on the canonical scale (`good` means good or better). */
  condition: ConditionSchema.nullable().default(null),
  /** Inclusive bounds in the rule's currency. */
  minPrice: MoneySchema.nullable().default(null),
  maxPrice: MoneySchema.nullable().default(null),
  /** Centre of a radius search; needs coordinates when `radiusMi` is set. */
  location: LocationSchema.nullable().default(null),
  /** Radius in statute miles around `location`. */
  radiusMi: z.number().positive().max(12_500).nullable().default(null),
  /** 0–1; listings without a deal score never match a rule that sets it. */
  minDealScore: z.number().min(0).max(1).nullable().default(null),
  /** Marketplace ids to watch; empty means all. */
  marketplaces: z.array(SlugSchema).max(20).default([]),
});

/** What a user sends to create a rule. */
export const DealAlertRuleInputSchema = DealAlertCriteriaSchema.extend({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  enabled: z.boolean().default(true),
  /** Channels for this rule's alerts; empty means the user's preferred channels. */
  notificationChannels: z.array(ChannelKindSchema).max(4).default([]),
});

/** A stored deal alert rule: every field of the roadmap's `deal_alert_rules` table. */
export const DealAlertRuleSchema = DealAlertRuleInputSchema.extend({
  id: IdSchema,
  userId: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  lastTriggeredAt: TimestampSchema.nullable().default(null),
});

export type DealAlertCriteria = z.output<typeof DealAlertCriteriaSchema>;
export type DealAlertRuleInput = z.input<typeof DealAlertRuleInputSchema>;
export type DealAlertRule = z.output<typeof DealAlertRuleSchema>;
