import { medianSorted } from 'simple-statistics';
import { normalQuantile } from './robust-statistics';

/** A robust price trend over a window. */
export type PriceTrendEstimate = {
  readonly trend: 'increasing' | 'stable' | 'decreasing';
  /** % change over `windowDays` implied by the slope (`-4.2` is a 4.2% fall). */
  readonly pctChange: number;
  /** How many points the slope was fitted on. */
  readonly points: number;
};

/** Settings of {@link theilSenTrend}. */
export type TheilSenTrendSettings = {
  /** Days the % change is expressed over. Default 30. */
  readonly windowDays?: number;
  /** Fewer points than this give `stable` with 0%. Default 8. */
  readonly minPoints?: number;
  /** Changes smaller than this (in %, absolute) are `stable`. Default 3. */
  readonly stablePct?: number;
  /** Two-sided confidence of the slope interval that must exclude 0 for a trend. Default 0.9. */
  readonly confidence?: number;
};

/**
 * The Theil–Sen trend of log prices over time: the slope is the median of all pairwise slopes
 * (robust to up to 29% outliers, unlike least squares or comparing two endpoints), turned into a
 * % change over the window: (e^(slope × windowDays) − 1) × 100.
 *
 * The trend is `increasing`/`decreasing` only when the change is at least `stablePct` and Sen's
 * (1968) rank-based confidence interval of the slope excludes zero, so noise in a small sample
 * reads as `stable` rather than a made-up trend.
 *
 * @param days - time of each point in days (any origin).
 * @param logPrices - natural log of each price (or a log residual), same length as `days`.
 */
export function theilSenTrend(
  days: readonly number[],
  logPrices: readonly number[],
  settings: TheilSenTrendSettings = {},
): PriceTrendEstimate {
  const windowDays = settings.windowDays ?? 30;
  const minPoints = settings.minPoints ?? 8;
  const stablePct = settings.stablePct ?? 3;
  const confidence = settings.confidence ?? 0.9;
  const n = Math.min(days.length, logPrices.length);
  if (n < minPoints) return { trend: 'stable', pctChange: 0, points: n };
  const pairs = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = (days[j] as number) - (days[i] as number);
      if (Math.abs(dx) < 1e-9) continue;
      pairs[count++] = ((logPrices[j] as number) - (logPrices[i] as number)) / dx;
    }
  }
  if (count < 2) return { trend: 'stable', pctChange: 0, points: n };
  // A typed-array sort is numeric and far faster than sorting boxed numbers (11k pairs for 150 points).
  const slopes = pairs.subarray(0, count).sort();
  const slope = medianSorted(slopes as unknown as number[]);
  const pctChange = Math.round((Math.exp(slope * windowDays) - 1) * 10_000) / 100;

  // Sen's interval: ranks (N ∓ C) / 2 of the sorted slopes, C = z · sqrt(n(n−1)(2n+5)/18).
  const c = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const lowRank = Math.max(0, Math.floor((slopes.length - c) / 2));
  const highRank = Math.min(slopes.length - 1, Math.ceil((slopes.length + c) / 2));
  const lower = slopes[lowRank] as number;
  const upper = slopes[highRank] as number;

  const significant = lower > 0 || upper < 0;
  if (!significant || Math.abs(pctChange) < stablePct) return { trend: 'stable', pctChange, points: n };
  return { trend: pctChange > 0 ? 'increasing' : 'decreasing', pctChange, points: n };
}
