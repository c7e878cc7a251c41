import { errorFunction, median, medianAbsoluteDeviation, probit, weightedQuantile } from 'simple-statistics';

/**
 * 1.4826 × MAD estimates the standard deviation of a normal sample (1 / Φ⁻¹(0.75)); on log prices
 * it is the robust spread every pricing rule is expressed in.
 */
export const madToSigma = 1.4826;

/**
 * Outlier cut-off on the modified z-score 0.6745 · (x − median) / MAD, from Iglewicz & Hoaglin
 * (1993), "How to Detect and Handle Outliers": points beyond 3.5 are outliers.
 */
export const modifiedZThreshold = 3.5;

/** The robust standard deviation (1.4826 × MAD) of `values`; 0 for fewer than two values. */
export function robustSigma(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return madToSigma * medianAbsoluteDeviation([...values]);
}

/**
 * Indices of the values that are not outliers by the modified z-score (MAD rule, threshold
 * {@link modifiedZThreshold}). When more than half the values are identical the MAD is 0; the
 * rule then keeps the values within 1% of the median, which is what "identical" means for prices.
 */
export function keepInliers(values: readonly number[], threshold = modifiedZThreshold): number[] {
  if (values.length < 3) return values.map((_, index) => index);
  const center = median([...values]);
  const mad = medianAbsoluteDeviation([...values]);
  const kept: number[] = [];
  values.forEach((value, index) => {
    const inlier =
      mad > 0 ? (0.6745 * Math.abs(value - center)) / mad <= threshold : Math.abs(value - center) <= 0.01;
    if (inlier) kept.push(index);
  });
  return kept;
}

/** The weighted median: the value where half the total weight lies on each side. */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  return weightedQuantile([...values], [...weights], 0.5);
}

/** Kish's effective sample size (Σw)² / Σw²: how many equally weighted points the weights are worth. */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let sumSquares = 0;
  for (const weight of weights) {
    sum += weight;
    sumSquares += weight * weight;
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

/** The standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  return probit(p);
}
