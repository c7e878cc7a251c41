import type { LogPriceDistribution } from './log-price-distribution';

/** Where a price sits against the market, or `null` when it is within the normal spread. */
export type PriceAnomaly = 'possible_scam_or_mistake' | 'overpriced';

/** Thresholds on the robust z-score of the log price; see `docs/pricing.md`. */
export type PriceAnomalyThresholds = {
  /** At or below this z-score the price is flagged `possible_scam_or_mistake`. Default −3. */
  readonly belowZ: number;
  /** At or above this z-score the price is flagged `overpriced`. Default 3. */
  readonly aboveZ: number;
};

/**
 * Defaults: |z| ≥ 3 on the log price. With a typical used-item spread (robust σ ≈ 0.4–0.6 in log
 * space) that is under about a quarter of the market price, or over four times it; a normal
 * market puts 0.13% of honest prices beyond each side.
 */
export const defaultPriceAnomalyThresholds: PriceAnomalyThresholds = { belowZ: -3, aboveZ: 3 };

/**
 * The robust z-score of a price: (ln price − predictive median) / robust σ of the predictive
 * distribution, both in log space. A price of 0 gets −∞ (a free car is never a market price).
 */
export function priceZScore(amount: number, distribution: LogPriceDistribution): number {
  if (amount <= 0) return Number.NEGATIVE_INFINITY;
  return (Math.log(amount) - distribution.center) / distribution.scale;
}

/** Classifies a price (minor units) against the market's predictive distribution. */
export function classifyPriceAnomaly(
  amount: number,
  distribution: LogPriceDistribution,
  thresholds: PriceAnomalyThresholds = defaultPriceAnomalyThresholds,
): PriceAnomaly | null {
  const z = priceZScore(amount, distribution);
  if (z <= thresholds.belowZ) return 'possible_scam_or_mistake';
  if (z >= thresholds.aboveZ) return 'overpriced';
  return null;
}
