import { z } from 'zod';
import { defaultComparableWeighting } from './comparable-similarity';
import { defaultComparablesEstimateSettings } from './comparables-estimate';
import { defaultPriceAnomalyThresholds } from './price-anomaly';

/**
 * Settings of the pricing service (`createPricingService`). Every field is optional; the
 * defaults are the values `docs/pricing.md` measures.
 */
export const PricingSettingsSchema = z.object({
  /** Comparables behind one estimate (the most similar, after filtering). Default 40. */
  comparablesLimit: z.number().int().min(1).max(500).default(40),
  /** Comparables of the past 30 days the trend is fitted on. Default 150. */
  trendLimit: z.number().int().min(0).max(1000).default(150),
  /** Fewer comparables than this (after outlier removal) and no model: no numbers. Default 5. */
  minComparables: z.number().int().min(1).max(100).default(defaultComparablesEstimateSettings.minComparables),
  /** Comparables less similar than this (0–1) are ignored. Default 0.15. */
  minSimilarity: z.number().min(0).max(1).default(defaultComparablesEstimateSettings.minSimilarity),
  /** Multiplies the comparables' predictive spread (1 = textbook). Default 1. */
  comparablesSpreadScale: z
    .number()
    .positive()
    .max(10)
    .default(defaultComparablesEstimateSettings.spreadScale),
  /** Weight of an asking price relative to a sold price. Default 0.6. */
  askingPriceWeight: z.number().min(0).max(1).default(defaultComparableWeighting.askingPriceWeight),
  /** Age in days at which a comparable counts half. Default 30. */
  halfLifeDays: z.number().positive().max(3650).default(defaultComparableWeighting.halfLifeDays),
  /** Conditions further apart than this many steps are not comparable. Default 2. */
  maxConditionSteps: z.number().int().min(0).max(6).default(defaultComparableWeighting.maxConditionSteps),
  /** When set, a comparable this many miles away counts e⁻¹ as much. Default `null` (off). */
  nearbyMi: z.number().positive().max(12_500).nullable().default(defaultComparableWeighting.nearbyMi),
  /** z-score (log price) at or below which a price is `possible_scam_or_mistake`. Default −3. */
  anomalyBelowZ: z.number().max(0).default(defaultPriceAnomalyThresholds.belowZ),
  /** z-score (log price) at or above which a price is `overpriced`. Default 3. */
  anomalyAboveZ: z.number().min(0).default(defaultPriceAnomalyThresholds.aboveZ),
  /** Trend changes smaller than this % are `stable`. Default 3. */
  stableTrendPct: z.number().min(0).max(100).default(3),
  /** Usable priced listings needed to train a model. Default 200. */
  modelMinListings: z.number().int().min(20).default(200),
  /**
   * The model is used only for listings whose identifying features (make, model, title words) it
   * has seen at least this fraction of. Default 0.5.
   */
  modelMinSupport: z.number().min(0).max(1).default(0.5),
  /** Period of the `train-price-model` job in ms; `null` schedules none. Default 1 day. */
  trainEveryMs: z.number().int().min(60_000).nullable().default(86_400_000),
  /** How often the stored model is re-read (another worker may have trained one), ms. Default 60 s. */
  modelRefreshMs: z.number().int().min(0).default(60_000),
  /**
   * Load the comparables index from storage on first use. Turn off only when the host feeds
   * `pricing.indexListings` itself after bulk-loading storage. Default true.
   */
  loadIndexFromStorage: z.boolean().default(true),
  /** `full-scan` scores every listing instead of using the index (for benchmarks). Default `index`. */
  comparablesSearch: z.enum(['index', 'full-scan']).default('index'),
  /** Set deal scores on ingest (the `pricing.deal-score` enrich stage). Default true. */
  dealScoreOnIngest: z.boolean().default(true),
});

/** What a host passes to `createPricingService`. */
export type PricingSettings = z.input<typeof PricingSettingsSchema>;
/** Settings with every default filled. */
export type ResolvedPricingSettings = z.output<typeof PricingSettingsSchema>;
