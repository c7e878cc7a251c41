import { z } from 'zod';
import { MoneySchema } from '../listing/money';
import { IdSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';

/** The roadmap's `price_trend`. */
export const PriceTrendSchema = z.enum(['increasing', 'stable', 'decreasing']);

/** A comparable listing used by an analysis, and how close it is. */
export const ComparableSchema = z.object({
  listingId: z.string(),
  title: z.string(),
  price: MoneySchema,
  /** True when `price` is a sold price rather than an asking price. */
  sold: z.boolean(),
  /** 0–1 title and attribute similarity to the analysed listing. */
  similarity: z.number().min(0).max(1),
  postedAt: TimestampSchema,
});
export type Comparable = z.infer<typeof ComparableSchema>;

/**
 * A price analysis of one listing: every field of the roadmap's `price_analysis` table plus
 * confidence, anomaly flag, deal score and the comparables used. Money fields are `null` when
 * there were too few comparables to say anything (`confidence` is then low and `note` says why);
 * the SDK never makes a number up.
 */
export const PriceAnalysisSchema = z.object({
  id: IdSchema,
  listingId: z.string(),
  analyzedAt: TimestampSchema,
  marketAvg: MoneySchema.nullable(),
  marketMedian: MoneySchema.nullable(),
  marketMin: MoneySchema.nullable(),
  marketMax: MoneySchema.nullable(),
  /** How many comparable listings were used (after outlier removal). */
  comparableListings: z.number().int().min(0),
  recommendedPrice: MoneySchema.nullable(),
  priceRangeMin: MoneySchema.nullable(),
  priceRangeMax: MoneySchema.nullable(),
  priceTrend: PriceTrendSchema,
  /** % change over the past 30 days (`-4.2` is a 4.2% fall). */
  trendPctChange: z.number(),
  /** 0–1; below 0.3 the analysis should be shown as a rough guide only. */
  confidence: z.number().min(0).max(1),
  /** Where the listing's own price sits against the market. */
  anomaly: z.enum(['possible_scam_or_mistake', 'overpriced']).nullable(),
  dealScore: z.number().min(0).max(1).nullable(),
  method: z.enum(['comparables', 'model', 'insufficient_data']),
  modelVersion: z.string().nullable(),
  comparables: z.array(ComparableSchema),
  /** A short human explanation, e.g. why confidence is low. */
  note: z.string().nullable(),
  /**
   * The calibrated 80% prediction interval of the price a comparable item sells for (about 8 in
   * 10 sell inside it), or `null` with the money fields.
   */
  predictionInterval: z
    .object({ level: z.number().min(0).max(1), min: MoneySchema, max: MoneySchema })
    .nullable()
    .default(null),
  /** How many comparables were dropped as outliers (MAD rule) before the statistics. */
  outliersRemoved: z.number().int().min(0).default(0),
});

export type PriceAnalysis = z.output<typeof PriceAnalysisSchema>;
