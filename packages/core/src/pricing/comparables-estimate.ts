import { max, mean, median, min, weightedQuantile } from 'simple-statistics';
import type { ComparableMatch } from './comparables-index';
import { type LogPriceDistribution, normalLogPriceDistribution } from './log-price-distribution';
import { effectiveSampleSize, keepInliers, madToSigma, weightedMedian } from './robust-statistics';

/** Settings of {@link estimateFromComparables}. */
export type ComparablesEstimateSettings = {
  /** Fewer comparables than this (after outlier removal) give no estimate. Default 5. */
  readonly minComparables: number;
  /** Comparables less similar than this (0–1) are ignored. Default 0.15. */
  readonly minSimilarity: number;
  /**
   * Multiplies the predictive spread; 1 is the textbook value, the benchmark measures the
   * coverage it gives. Default 1.
   */
  readonly spreadScale: number;
  /** Smallest robust σ of log prices (identical comparables do not mean certainty). Default 0.05. */
  readonly minSigma: number;
};

/** The defaults of {@link ComparablesEstimateSettings}. */
export const defaultComparablesEstimateSettings: ComparablesEstimateSettings = {
  minComparables: 5,
  minSimilarity: 0.15,
  spreadScale: 1,
  minSigma: 0.05,
};

/** A market estimate from comparables. Amounts are minor units. */
export type ComparablesEstimate = {
  /** The comparables used (outliers removed), best first. */
  readonly used: ComparableMatch[];
  /** How many were dropped as outliers. */
  readonly outliersRemoved: number;
  /** Kish's effective number of comparables given their weights. */
  readonly effectiveCount: number;
  readonly distribution: LogPriceDistribution;
  readonly average: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
};

/** What the comparables say, or why they say nothing. */
export type ComparablesOutcome =
  | {
      readonly ok: true;
      readonly estimate: ComparablesEstimate;
      readonly found: number;
      readonly used: ComparableMatch[];
    }
  | { readonly ok: false; readonly found: number; readonly used: ComparableMatch[] };

/**
 * The market estimate from comparables. Outliers are removed on log prices by the MAD rule
 * (modified z-score above 3.5, Iglewicz & Hoaglin); the predictive distribution is log-normal,
 * centred on the weighted median of log prices, with spread σ = 1.4826 × weighted MAD widened by
 * the uncertainty of the centre: σ_pred = σ · √(1 + π / (2 · n_eff)) (the median's sampling
 * variance is π/2 · σ² / n).
 */
export function estimateFromComparables(
  matches: readonly ComparableMatch[],
  settings: ComparablesEstimateSettings = defaultComparablesEstimateSettings,
): ComparablesOutcome {
  const similar = matches.filter((match) => match.similarity >= settings.minSimilarity && match.amount > 0);
  const logs = similar.map((match) => Math.log(match.amount));
  const used = keepInliers(logs).map((index) => similar[index] as ComparableMatch);
  if (used.length < settings.minComparables) return { ok: false, found: used.length, used };

  const usedLogs = used.map((match) => Math.log(match.amount));
  const weights = used.map((match) => Math.max(match.weight, 1e-12));
  const center = weightedMedian(usedLogs, weights);
  const deviations = usedLogs.map((value) => Math.abs(value - center));
  const sigma = Math.max(madToSigma * weightedQuantile(deviations, weights, 0.5), settings.minSigma);
  const effectiveCount = effectiveSampleSize(weights);
  const predictive =
    sigma * Math.sqrt(1 + Math.PI / (2 * Math.max(effectiveCount, 1))) * settings.spreadScale;
  const amounts = used.map((match) => match.amount);
  return {
    ok: true,
    found: used.length,
    used,
    estimate: {
      used,
      outliersRemoved: similar.length - used.length,
      effectiveCount,
      distribution: normalLogPriceDistribution(center, predictive),
      average: mean(amounts),
      median: median(amounts),
      min: min(amounts),
      max: max(amounts),
    },
  };
}
