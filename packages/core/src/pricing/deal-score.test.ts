import { describe, expect, it } from 'vitest';
import { dealScore } from './deal-score';
import {
  empiricalLogPriceDistribution,
  normalLogPriceDistribution,
  residualLevels,
} from './log-price-distribution';
import { classifyPriceAnomaly } from './price-anomaly';
import { normalQuantile } from './robust-statistics';

describe('dealScore', () => {
  const market = normalLogPriceDistribution(Math.log(100_000), 0.4);

  it('falls as the price rises and is 0.5 at the market median', () => {
    const prices = [10_000, 50_000, 80_000, 100_000, 120_000, 200_000, 1_000_000];
    const scores = prices.map((price) => dealScore(price, market));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1] as number);
    expect(dealScore(100_000, market)).toBeCloseTo(0.5, 3);
  });

  it('means the same across markets of different spread: the share of prices it beats', () => {
    // In a tight market and a loose one, the price at the 20th percentile scores 0.8.
    for (const sigma of [0.1, 0.4, 1.2]) {
      const distribution = normalLogPriceDistribution(Math.log(50_000), sigma);
      const p20 = Math.exp(distribution.quantile(0.2));
      expect(dealScore(p20, distribution)).toBeCloseTo(0.8, 2);
    }
  });

  it('is uniform on prices drawn from the predictive distribution (calibration)', () => {
    const residuals = residualLevels.map((p) => 0.3 * normalQuantile(p));
    const distribution = empiricalLogPriceDistribution(Math.log(20_000), residuals);
    let atLeast08 = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      const p = (i + 0.5) / draws;
      if (dealScore(Math.exp(Math.log(20_000) + 0.3 * normalQuantile(p)), distribution) >= 0.8) atLeast08++;
    }
    expect(atLeast08 / draws).toBeGreaterThan(0.18);
    expect(atLeast08 / draws).toBeLessThan(0.22);
  });

  it('pairs with the anomaly flags at ±3 robust z', () => {
    expect(classifyPriceAnomaly(0, market)).toBe('possible_scam_or_mistake');
    expect(classifyPriceAnomaly(Math.exp(Math.log(100_000) - 3.1 * 0.4), market)).toBe(
      'possible_scam_or_mistake',
    );
    expect(classifyPriceAnomaly(Math.exp(Math.log(100_000) - 2.9 * 0.4), market)).toBeNull();
    expect(classifyPriceAnomaly(Math.exp(Math.log(100_000) + 3.1 * 0.4), market)).toBe('overpriced');
  });
});
