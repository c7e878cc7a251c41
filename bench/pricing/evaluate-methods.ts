import {
  createComparablesIndex,
  createPriceModelPredictor,
  evaluatePrice,
  type Listing,
  type LogPriceDistribution,
  listingPriceFacts,
  type PriceModel,
  PricingSettingsSchema,
  trainPriceModel,
} from '@deal-scout/core';
import { quantile } from 'simple-statistics';
import type { PricedCase } from './accuracy-metrics';

const major = (minor: number) => minor / 100;

function caseFrom(listing: Listing, distribution: LogPriceDistribution | null): PricedCase {
  const actual = major(listingPriceFacts(listing).amount);
  if (!distribution) {
    return {
      actual,
      predicted: null,
      rangeMin: null,
      rangeMax: null,
      intervalMin: null,
      intervalMax: null,
      dealScore: null,
    };
  }
  const at = (p: number) => major(Math.exp(distribution.quantile(p)));
  return {
    actual,
    predicted: at(0.5),
    rangeMin: at(0.25),
    rangeMax: at(0.75),
    intervalMin: at(0.1),
    intervalMax: at(0.9),
    dealScore: 1 - distribution.cdf(Math.log(actual * 100)),
  };
}

/** Quantile-based answer from a group of training prices (the baselines). */
function groupCase(listing: Listing, prices: readonly number[]): PricedCase {
  const actual = major(listingPriceFacts(listing).amount);
  const [p10, p25, p50, p75, p90] = quantile([...prices], [0.1, 0.25, 0.5, 0.75, 0.9]) as number[];
  return {
    actual,
    predicted: major(p50 as number),
    rangeMin: major(p25 as number),
    rangeMax: major(p75 as number),
    intervalMin: major(p10 as number),
    intervalMax: major(p90 as number),
    dealScore: null,
  };
}

/** Baseline 1: the median of every training price. */
export function globalMedianCases(train: readonly Listing[], test: readonly Listing[]): PricedCase[] {
  const prices = train.map((l) => listingPriceFacts(l).amount).filter((a) => a > 0);
  return test.map((listing) => groupCase(listing, prices));
}

/**
 * Baseline 2: the median training price of the same make and model family (falling back to the
 * make, then to everything, when fewer than 3 training listings share it).
 */
export function makeModelMedianCases(train: readonly Listing[], test: readonly Listing[]): PricedCase[] {
  const groups = new Map<string, number[]>();
  const push = (key: string, amount: number) => {
    const list = groups.get(key) ?? [];
    list.push(amount);
    groups.set(key, list);
  };
  for (const listing of train) {
    const facts = listingPriceFacts(listing);
    if (facts.amount <= 0) continue;
    push(`${facts.make}|${facts.modelBase}`, facts.amount);
    push(`${facts.make}`, facts.amount);
    push('*', facts.amount);
  }
  return test.map((listing) => {
    const facts = listingPriceFacts(listing);
    const prices = [
      groups.get(`${facts.make}|${facts.modelBase}`),
      groups.get(`${facts.make}`),
      groups.get('*'),
    ].find((group) => group !== undefined && group.length >= 3) as number[];
    return groupCase(listing, prices);
  });
}

/** Comparables alone: the index over the training listings, no model. */
export function comparablesCases(train: readonly Listing[], test: readonly Listing[]): PricedCase[] {
  const index = createComparablesIndex();
  for (const listing of train) index.upsert(listing);
  const settings = PricingSettingsSchema.parse({});
  return test.map((listing) => {
    const evaluation = evaluatePrice(listing, {
      index,
      predictor: null,
      settings,
      nowMs: Date.parse(listing.postedAt),
      withTrend: false,
    });
    return caseFrom(listing, evaluation.distribution);
  });
}

/** The trained model (trained on the training listings only), with the comparables index as fallback. */
export function modelCases(
  train: readonly Listing[],
  test: readonly Listing[],
): { cases: PricedCase[]; model: PriceModel; methods: Record<string, number> } {
  const outcome = trainPriceModel(train, { trainedAt: train.at(-1)?.postedAt ?? new Date().toISOString() });
  if (!outcome.ok) throw new Error(outcome.reason);
  const predictor = createPriceModelPredictor(outcome.model);
  const index = createComparablesIndex();
  for (const listing of train) index.upsert(listing);
  const settings = PricingSettingsSchema.parse({});
  const methods: Record<string, number> = {};
  const cases = test.map((listing) => {
    const evaluation = evaluatePrice(listing, {
      index,
      predictor,
      settings,
      nowMs: Date.parse(listing.postedAt),
      withTrend: false,
    });
    methods[evaluation.method] = (methods[evaluation.method] ?? 0) + 1;
    return caseFrom(listing, evaluation.distribution);
  });
  return { cases, model: outcome.model, methods };
}
