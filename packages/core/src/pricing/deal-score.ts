import type { LogPriceDistribution } from './log-price-distribution';

/**
 * The deal score of a price (minor units): the predictive probability that a comparable item
 * sells for more than this price, `1 − F(ln price)` under the calibrated predictive distribution.
 *
 * Why it is comparable across categories: it is a probability, not a discount. A 20% discount is
 * a steal on a car (narrow spread) and ordinary on a used sofa (wide spread); both are judged by
 * how much of their own market they undercut. When the estimate is uncertain the distribution is
 * wide and every score moves toward 0.5, so a weak estimate never produces a confident 0.95.
 * When the distribution is calibrated, prices of genuinely comparable listings get scores spread
 * uniformly over 0–1: about 20% of them score 0.8 or more in every category.
 *
 * A price of 0 scores 1 mathematically but is a likely mistake; the anomaly flag says so.
 */
export function dealScore(amount: number, distribution: LogPriceDistribution): number {
  if (amount <= 0) return 1;
  const score = 1 - distribution.cdf(Math.log(amount));
  // Round to 4 decimals so stored scores are stable across platforms.
  return Math.min(1, Math.max(0, Math.round(score * 10_000) / 10_000));
}
