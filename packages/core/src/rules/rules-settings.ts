import { z } from 'zod';
import type { CurrencyConverter } from './currency-converter';

const minute = 60_000;
const hour = 60 * minute;

/** Settings of the scout loop (`createScoutLoop`). */
export const ScoutLoopSettingsSchema = z.object({
  /** Run the scout loop as a scheduled job. Default false: hosts that feed listings themselves need none. */
  enabled: z.boolean().default(false),
  /** Period of the `scout-marketplaces` job in ms. Default 15 minutes. */
  everyMs: z
    .number()
    .int()
    .min(minute)
    .max(24 * hour)
    .default(15 * minute),
  /**
   * Marketplace calls the scout loop may make per UTC day, per marketplace (on top of the
   * adapter's own `dailyCallBudget`, whichever is lower). Default 1,000.
   */
  dailyCallBudget: z.number().int().min(1).max(10_000_000).default(1000),
  /** Listings asked for per page. Default 50. */
  pageSize: z.number().int().min(1).max(200).default(50),
  /** Pages one query may read per run, even if it has not reached a listing it has seen. Default 5. */
  maxPagesPerQuery: z.number().int().min(1).max(100).default(5),
});

/** Settings of the rules service, `createDealScout({ rules })`. Every field is optional. */
export const RulesSettingsSchema = z.object({
  /** Most rules one user may have. Default 100. */
  maxRulesPerUser: z.number().int().min(1).max(100_000).default(100),
  /** Period of the `check-deal-alerts` catch-up job in ms; `null` schedules none. Default 30 minutes. */
  catchUpEveryMs: z
    .number()
    .int()
    .min(minute)
    .nullable()
    .default(30 * minute),
  /** New and edited rules are matched against listings stored this recently (ms). Default 24 hours. */
  recentListingsWindowMs: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * hour)
    .default(24 * hour),
  /** Matches `rules.test` returns with their reasons. Default 10. */
  testMatchLimit: z.number().int().min(0).max(200).default(10),
  /** Stored listings `rules.test` examines at most (newest first). Default 10,000. */
  testScanLimit: z.number().int().min(1).max(1_000_000).default(10_000),
  /** Converts listing prices into a rule's currency (see `docs/rule-semantics.md`). Default none. */
  convert: z
    .custom<CurrencyConverter>(
      (value) => typeof value === 'function',
      'must be a function (money, toCurrency) => money | null',
    )
    .optional(),
  scout: ScoutLoopSettingsSchema.default(ScoutLoopSettingsSchema.parse({})),
});

/** What a host passes as `rules` settings. */
export type RulesSettings = z.input<typeof RulesSettingsSchema>;
/** Settings with every default filled in. */
export type ResolvedRulesSettings = z.output<typeof RulesSettingsSchema>;
export type ScoutLoopSettings = z.output<typeof ScoutLoopSettingsSchema>;
