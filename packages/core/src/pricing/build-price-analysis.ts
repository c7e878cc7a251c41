import type { Listing } from '../listing/listing';
import type { Money } from '../listing/money';
import { createId } from '../shared/ids';
import type { ComparableMatch } from './comparables-index';
import type { PriceEvaluation } from './evaluate-price';
import type { Comparable, PriceAnalysis } from './price-analysis';

/** Comparable listings' titles by id (those missing from storage are left out). */
export type ComparableTitles = ReadonlyMap<string, string>;

/** Turns matches into `Comparable`s, keeping only listings whose title is known. */
export function toComparables(
  matches: readonly ComparableMatch[],
  titles: ComparableTitles,
  currency: string,
): Comparable[] {
  const out: Comparable[] = [];
  for (const match of matches) {
    const title = titles.get(match.listingId);
    if (title === undefined) continue;
    out.push({
      listingId: match.listingId,
      title,
      price: { amount: match.amount, currency },
      sold: match.sold,
      similarity: Math.min(1, Math.max(0, match.similarity)),
      postedAt: new Date(match.postedAtMs).toISOString(),
    });
  }
  return out;
}

/**
 * Builds the stored `PriceAnalysis` of a listing from its evaluation. The recommended price is the
 * predictive median, the recommended range the central 50% (where half of comparable items
 * sell), the prediction interval the central 80%. Money fields are `null` when the evaluation has
 * no distribution; market statistics are `null` when there were too few comparables.
 */
export function buildPriceAnalysis(
  listing: Listing,
  evaluation: PriceEvaluation,
  comparables: Comparable[],
  analyzedAt: string,
): PriceAnalysis {
  const currency = listing.price.currency;
  const money = (amount: number): Money => ({ amount: Math.max(0, Math.round(amount)), currency });
  const fromLog = (logPrice: number): Money => money(Math.exp(logPrice));
  const distribution = evaluation.distribution;
  const estimate = evaluation.comparables.ok ? evaluation.comparables.estimate : null;
  return {
    id: createId('pa'),
    listingId: listing.id,
    analyzedAt,
    marketAvg: estimate ? money(estimate.average) : null,
    marketMedian: estimate ? money(estimate.median) : null,
    marketMin: estimate ? money(estimate.min) : null,
    marketMax: estimate ? money(estimate.max) : null,
    comparableListings: evaluation.comparables.ok
      ? evaluation.comparables.estimate.used.length
      : evaluation.comparables.found,
    recommendedPrice: distribution ? fromLog(distribution.quantile(0.5)) : null,
    priceRangeMin: distribution ? fromLog(distribution.quantile(0.25)) : null,
    priceRangeMax: distribution ? fromLog(distribution.quantile(0.75)) : null,
    priceTrend: evaluation.trend.trend,
    trendPctChange: evaluation.trend.pctChange,
    confidence: evaluation.confidence,
    anomaly: evaluation.anomaly,
    dealScore: evaluation.dealScore,
    method: evaluation.method,
    modelVersion: evaluation.modelVersion,
    comparables,
    note: evaluation.note,
    predictionInterval: distribution
      ? { level: 0.8, min: fromLog(distribution.quantile(0.1)), max: fromLog(distribution.quantile(0.9)) }
      : null,
    outliersRemoved: estimate ? estimate.outliersRemoved : 0,
  };
}
