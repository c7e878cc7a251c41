import { mean, median } from 'simple-statistics';

/** One priced test listing: actual price and a method's answer (all in major units). */
export type PricedCase = {
  readonly actual: number;
  /** `null` when the method gave no estimate. */
  readonly predicted: number | null;
  readonly rangeMin: number | null;
  readonly rangeMax: number | null;
  readonly intervalMin: number | null;
  readonly intervalMax: number | null;
  /** Deal score of the actual price, when the method gives one. */
  readonly dealScore: number | null;
};

/** Accuracy of one method over the test set. */
export type AccuracyReport = {
  readonly method: string;
  /** Test listings the method answered / all test listings. */
  readonly answered: number;
  readonly total: number;
  /** Mean absolute error in dollars. */
  readonly mae: number;
  /** Median absolute percentage error (0.25 = 25%). */
  readonly medianApe: number;
  /** Root mean squared error of ln(1 + price). */
  readonly rmsle: number;
  /** Share of actual prices inside the recommended range (central 50%). */
  readonly rangeCoverage: number;
  /** Share of actual prices inside the 80% prediction interval. */
  readonly interval80Coverage: number;
  /** Median of (interval max − interval min) / predicted. */
  readonly medianInterval80RelativeWidth: number;
  /** Median interval width in dollars. */
  readonly medianInterval80Width: number;
  /** Share of test prices with a deal score ≥ 0.8 (calibrated ≈ 0.2) and ≥ 0.5 (≈ 0.5). */
  readonly dealScoreAtLeast08: number | null;
  readonly dealScoreAtLeast05: number | null;
};

/** Computes the report; methods that did not answer a case are scored on the cases they answered. */
export function accuracyOf(method: string, cases: readonly PricedCase[]): AccuracyReport {
  const answered = cases.filter((c) => c.predicted !== null);
  const errors = answered.map((c) => Math.abs((c.predicted as number) - c.actual));
  const logErrors = answered.map((c) => (Math.log1p(c.predicted as number) - Math.log1p(c.actual)) ** 2);
  const inside = (value: number, low: number | null, high: number | null) =>
    low !== null && high !== null && value >= low && value <= high;
  const scored = answered.filter((c) => c.dealScore !== null);
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    method,
    answered: answered.length,
    total: cases.length,
    mae: Math.round(mean(errors)),
    medianApe: round(median(answered.map((c) => Math.abs((c.predicted as number) - c.actual) / c.actual))),
    rmsle: round(Math.sqrt(mean(logErrors))),
    rangeCoverage: round(
      answered.filter((c) => inside(c.actual, c.rangeMin, c.rangeMax)).length / answered.length,
    ),
    interval80Coverage: round(
      answered.filter((c) => inside(c.actual, c.intervalMin, c.intervalMax)).length / answered.length,
    ),
    medianInterval80RelativeWidth: round(
      median(answered.map((c) => ((c.intervalMax ?? 0) - (c.intervalMin ?? 0)) / (c.predicted as number))),
    ),
    medianInterval80Width: Math.round(
      median(answered.map((c) => (c.intervalMax ?? 0) - (c.intervalMin ?? 0))),
    ),
    dealScoreAtLeast08:
      scored.length > 0
        ? round(scored.filter((c) => (c.dealScore as number) >= 0.8).length / scored.length)
        : null,
    dealScoreAtLeast05:
      scored.length > 0
        ? round(scored.filter((c) => (c.dealScore as number) >= 0.5).length / scored.length)
        : null,
  };
}
