import { normalCdf, normalQuantile } from './robust-statistics';

/**
 * The predictive distribution of what a comparable item sells for, on the natural log of minor
 * units. Every pricing output (recommended price, range, interval, anomaly flag, deal score) is
 * read from it, so they agree with each other.
 */
export type LogPriceDistribution = {
  /** Median of the log price (the recommended price is `exp(center)` minor units). */
  readonly center: number;
  /** Robust standard deviation of the log price (the spread used for anomaly z-scores). */
  readonly scale: number;
  /** The log price below which a fraction `p` (0–1 exclusive) of comparable items sell. */
  quantile(p: number): number;
  /** The fraction of comparable items that sell for at most `logPrice`. */
  cdf(logPrice: number): number;
};

/** A log-normal predictive distribution: log price ~ Normal(center, scale²). */
export function normalLogPriceDistribution(center: number, scale: number): LogPriceDistribution {
  const sigma = Math.max(scale, 1e-6);
  return {
    center,
    scale: sigma,
    quantile: (p) => center + sigma * normalQuantile(p),
    cdf: (logPrice) => normalCdf((logPrice - center) / sigma),
  };
}

/** Residual quantile levels stored with a trained model: 0.01, 0.02, …, 0.99. */
export const residualLevels: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/**
 * A predictive distribution from held-out residual quantiles (at {@link residualLevels}) around a
 * point prediction: split-conformal calibration, so a nominal 80% interval covers about 80% of
 * new prices as long as new listings resemble the held-out ones. Between the stored levels the
 * CDF is linear; beyond the 1st and 99th percentiles it follows a normal tail of the same spread.
 */
export function empiricalLogPriceDistribution(
  center: number,
  residualQuantiles: readonly number[],
): LogPriceDistribution {
  const q = residualQuantiles;
  const lowIndex = 9; // 0.10
  const highIndex = 89; // 0.90
  const scale = Math.max(((q[highIndex] ?? 0) - (q[lowIndex] ?? 0)) / (2 * normalQuantile(0.9)), 1e-6);
  const first = q[0] ?? 0;
  const last = q[q.length - 1] ?? 0;
  return {
    center: center + (q[49] ?? 0),
    scale,
    quantile(p) {
      const position = p * 100 - 1;
      if (position <= 0) return center + first + scale * (normalQuantile(p) - normalQuantile(0.01));
      if (position >= q.length - 1) return center + last + scale * (normalQuantile(p) - normalQuantile(0.99));
      const below = Math.floor(position);
      const fraction = position - below;
      return center + (q[below] ?? 0) * (1 - fraction) + (q[below + 1] ?? 0) * fraction;
    },
    cdf(logPrice) {
      const residual = logPrice - center;
      if (residual <= first) return normalCdf(normalQuantile(0.01) + (residual - first) / scale);
      if (residual >= last) return normalCdf(normalQuantile(0.99) + (residual - last) / scale);
      // Binary search the bracketing stored levels, then interpolate linearly.
      let low = 0;
      let high = q.length - 1;
      while (high - low > 1) {
        const middle = (low + high) >> 1;
        if ((q[middle] ?? 0) <= residual) low = middle;
        else high = middle;
      }
      const lowValue = q[low] ?? 0;
      const highValue = q[high] ?? 0;
      const fraction = highValue > lowValue ? (residual - lowValue) / (highValue - lowValue) : 0.5;
      return (low + 1 + fraction * (high - low)) / 100;
    },
  };
}
