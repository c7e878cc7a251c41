import type { Listing } from '../listing/listing';
import type { ComparableWeighting } from './comparable-similarity';
import { type ComparablesOutcome, estimateFromComparables } from './comparables-estimate';
import { type ComparableMatch, type ComparablesIndex, comparableQueryOf } from './comparables-index';
import { dealScore } from './deal-score';
import { listingPriceFacts } from './listing-price-facts';
import type { LogPriceDistribution } from './log-price-distribution';
import { classifyPriceAnomaly, type PriceAnomaly } from './price-anomaly';
import type { PriceModelPredictor } from './price-model';
import type { ResolvedPricingSettings } from './pricing-settings';
import { type PriceTrendEstimate, theilSenTrend } from './theil-sen-trend';

/** Everything pricing concludes about one listing's price, before it becomes a `PriceAnalysis`. */
export type PriceEvaluation = {
  readonly method: 'comparables' | 'model' | 'insufficient_data';
  /** The predictive distribution of log price, or `null` when there is too little data. */
  readonly distribution: LogPriceDistribution | null;
  readonly comparables: ComparablesOutcome;
  readonly trend: PriceTrendEstimate;
  readonly anomaly: PriceAnomaly | null;
  readonly dealScore: number | null;
  /** 0–1, see {@link confidenceOf}. */
  readonly confidence: number;
  readonly modelVersion: string | null;
  readonly note: string | null;
};

/** What {@link evaluatePrice} needs besides the listing. */
export type EvaluatePriceInput = {
  readonly index: ComparablesIndex;
  readonly predictor: PriceModelPredictor | null;
  readonly settings: ResolvedPricingSettings;
  /** The instant of the analysis, ms since the epoch. */
  readonly nowMs: number;
  /** Fit the 30-day trend (skipped when only the deal score is needed). */
  readonly withTrend: boolean;
};

const dayMs = 86_400_000;

/**
 * Confidence 0–1 = precision × evidence. Precision is e^(−w/2) where w is the width of the 80%
 * interval in log space (w = 1 means the interval spans a factor e ≈ 2.7; confidence then at most
 * 0.61). Evidence is n_eff / (n_eff + 2) for comparables, and the model's support (share of the
 * item's identifying features it has seen) for the model.
 */
export function confidenceOf(distribution: LogPriceDistribution, evidence: number): number {
  const width = distribution.quantile(0.9) - distribution.quantile(0.1);
  const precision = Math.exp(-Math.max(0, width) / 2);
  return Math.round(Math.min(1, Math.max(0, precision * evidence)) * 1000) / 1000;
}

function weightingOf(settings: ResolvedPricingSettings): ComparableWeighting {
  return {
    askingPriceWeight: settings.askingPriceWeight,
    halfLifeDays: settings.halfLifeDays,
    maxConditionSteps: settings.maxConditionSteps,
    nearbyMi: settings.nearbyMi,
  };
}

/**
 * Prices a listing: finds comparables, estimates the market from them, predicts with the trained
 * model when there is one that knows this kind of item (the model then gives the estimate; the
 * comparables still give the market statistics), and derives the trend, anomaly flag, deal score
 * and confidence from the chosen predictive distribution. Never invents a number: with neither
 * enough comparables nor a supporting model the distribution is `null`.
 */
export function evaluatePrice(listing: Listing, input: EvaluatePriceInput): PriceEvaluation {
  const { settings, nowMs } = input;
  const limit = Math.max(settings.comparablesLimit, input.withTrend ? settings.trendLimit : 0);
  const query = comparableQueryOf(listing, { nowMs, limit, weighting: weightingOf(settings) });
  const matches = input.index.query(
    settings.comparablesSearch === 'full-scan' ? { ...query, fullScan: true } : query,
  );
  const comparables = estimateFromComparables(matches.slice(0, settings.comparablesLimit), {
    minComparables: settings.minComparables,
    minSimilarity: settings.minSimilarity,
    spreadScale: settings.comparablesSpreadScale,
    minSigma: 0.05,
  });
  const prediction = input.predictor?.predict(listing) ?? null;
  const modelUsable = prediction !== null && prediction.support >= settings.modelMinSupport;

  let method: PriceEvaluation['method'] = 'insufficient_data';
  let distribution: LogPriceDistribution | null = null;
  let confidence = 0;
  let note: string | null = null;
  if (modelUsable && prediction) {
    method = 'model';
    distribution = prediction.distribution;
    confidence = confidenceOf(distribution, prediction.support);
  } else if (comparables.ok) {
    method = 'comparables';
    distribution = comparables.estimate.distribution;
    const n = comparables.estimate.effectiveCount;
    confidence = confidenceOf(distribution, n / (n + 2));
  } else {
    note =
      `Only ${comparables.found} comparable listing${comparables.found === 1 ? '' : 's'} found ` +
      `(at least ${settings.minComparables} are needed) and no trained price model covers this item; ` +
      'no price is estimated.';
  }
  if (distribution && confidence < 0.3) note = 'Low confidence: treat the estimate as a rough guide only.';

  const trend = input.withTrend ? trendOf(matches, nowMs, settings.stableTrendPct) : stableTrend;
  const amount = listingPriceFacts(listing).amount;
  return {
    method,
    distribution,
    comparables,
    trend,
    anomaly: distribution
      ? classifyPriceAnomaly(amount, distribution, {
          belowZ: settings.anomalyBelowZ,
          aboveZ: settings.anomalyAboveZ,
        })
      : null,
    dealScore: distribution ? dealScore(amount, distribution) : null,
    confidence,
    modelVersion: method === 'model' ? (input.predictor?.model.version ?? null) : null,
    note,
  };
}

const stableTrend: PriceTrendEstimate = { trend: 'stable', pctChange: 0, points: 0 };

/** Theil–Sen trend of the comparables posted in the 30 days before `nowMs`. */
function trendOf(matches: readonly ComparableMatch[], nowMs: number, stablePct: number): PriceTrendEstimate {
  const recent = matches.filter(
    (match) => match.postedAtMs >= nowMs - 30 * dayMs && match.postedAtMs <= nowMs,
  );
  return theilSenTrend(
    recent.map((match) => (match.postedAtMs - nowMs) / dayMs),
    recent.map((match) => Math.log(match.amount)),
    { windowDays: 30, stablePct },
  );
}
