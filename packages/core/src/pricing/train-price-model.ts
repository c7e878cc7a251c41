import { mean, median, quantile, standardDeviation } from 'simple-statistics';
import type { Listing } from '../listing/listing';
import { listingPriceFacts } from './listing-price-facts';
import { residualLevels } from './log-price-distribution';
import type { PriceModel } from './price-model';
import { type NumericScaling, priceModelFeatures, rawNumericFacts } from './price-model-features';
import { fitRidgeRegression, type SparseRow } from './ridge-regression';
import { keepInliers } from './robust-statistics';

/** Settings of {@link trainPriceModel}. */
export type TrainPriceModelSettings = {
  /** Fewer usable listings than this: no model (comparables only). Default 200. */
  readonly minListings?: number;
  /** The latest fraction of listings (by `postedAt`) held out to pick λ and calibrate. Default 0.2. */
  readonly validationFraction?: number;
  /** Ridge penalties tried; the one with the lowest held-out RMSLE wins. */
  readonly lambdas?: readonly number[];
  /** Features seen in fewer training listings than this are dropped. Default 2. */
  readonly minFeatureCount?: number;
  /** The training time (ISO), stamped on the model. */
  readonly trainedAt: string;
};

/** The outcome of a training run. */
export type TrainPriceModelOutcome =
  | { readonly ok: true; readonly model: PriceModel }
  | { readonly ok: false; readonly reason: string; readonly usableListings: number };

type Example = { listing: Listing; logPrice: number; postedAtMs: number };

function scalingOf(examples: readonly Example[]): NumericScaling {
  const ages: number[] = [];
  const miles: number[] = [];
  for (const { listing } of examples) {
    const raw = rawNumericFacts(listing);
    if (raw.age !== null) ages.push(raw.age);
    if (raw.logMiles !== null && raw.logMiles >= Math.log1p(10)) miles.push(raw.logMiles);
  }
  const sd = (values: number[]) => (values.length > 1 ? standardDeviation(values) || 1 : 1);
  return {
    ageMean: ages.length > 0 ? mean(ages) : 0,
    ageSd: sd(ages),
    milesMean: miles.length > 0 ? mean(miles) : 0,
    milesSd: sd(miles),
  };
}

function fit(train: readonly Example[], scaling: NumericScaling, lambda: number, minFeatureCount: number) {
  const vectors = train.map(({ listing }) => priceModelFeatures(listing, scaling));
  const counts = new Map<string, number>();
  for (const vector of vectors)
    for (const name of new Set(vector.names)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const features = [...counts].filter(([, count]) => count >= minFeatureCount).map(([name]) => name);
  const column = new Map(features.map((name, i) => [name, i + 1])); // column 0 is the intercept
  const rows: SparseRow[] = vectors.map((vector) => {
    const indices = [0];
    const values = [1];
    vector.names.forEach((name, i) => {
      const index = column.get(name);
      if (index !== undefined) {
        indices.push(index);
        values.push(vector.values[i] as number);
      }
    });
    return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
  });
  const weights = fitRidgeRegression(
    rows,
    train.map((example) => example.logPrice),
    features.length + 1,
    { lambda },
  );
  const weightOf = new Map(features.map((name, i) => [name, weights[i + 1] as number]));
  const predict = (listing: Listing) => {
    const vector = priceModelFeatures(listing, scaling);
    let sum = weights[0] as number;
    vector.names.forEach((name, i) => {
      sum += (weightOf.get(name) ?? 0) * (vector.values[i] as number);
    });
    return sum;
  };
  return { features, weights, predict };
}

/**
 * Trains the price model: ridge regression of ln(price) on the features of
 * `priceModelFeatures`. Listings with a price of 0 or a gross outlier price (MAD rule on log
 * price over all listings) are not learnt from. The latest `validationFraction` of listings
 * (time-ordered, as the model will be used on newer listings) picks λ and gives the residual
 * quantiles that calibrate the intervals (split-conformal); the final model is refitted on all
 * usable listings with that λ. Only the most common currency is modelled.
 */
export function trainPriceModel(
  listings: readonly Listing[],
  settings: TrainPriceModelSettings,
): TrainPriceModelOutcome {
  const minListings = settings.minListings ?? 200;
  const validationFraction = settings.validationFraction ?? 0.2;
  const lambdas = settings.lambdas ?? [1, 2, 4, 8, 16];
  const minFeatureCount = settings.minFeatureCount ?? 2;

  const currencyCounts = new Map<string, number>();
  for (const listing of listings) {
    const currency = listing.price.currency;
    currencyCounts.set(currency, (currencyCounts.get(currency) ?? 0) + 1);
  }
  const currency = [...currencyCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
  const priced: Example[] = [];
  for (const listing of listings) {
    if (listing.status === 'removed') continue;
    const facts = listingPriceFacts(listing);
    if (facts.currency !== currency || facts.amount <= 0) continue;
    priced.push({ listing, logPrice: Math.log(facts.amount), postedAtMs: facts.postedAtMs });
  }
  const examples = keepInliers(priced.map((example) => example.logPrice)).map((i) => priced[i] as Example);
  examples.sort((a, b) => a.postedAtMs - b.postedAtMs || a.listing.id.localeCompare(b.listing.id));
  if (examples.length < minListings) {
    return {
      ok: false,
      reason: `only ${examples.length} usable priced listings in ${currency}; at least ${minListings} are needed`,
      usableListings: examples.length,
    };
  }

  const cut = Math.floor(examples.length * (1 - validationFraction));
  const train = examples.slice(0, cut);
  const validation = examples.slice(cut);
  const trainScaling = scalingOf(train);
  let best: { lambda: number; rmsle: number; residuals: number[] } | null = null;
  for (const lambda of lambdas) {
    const model = fit(train, trainScaling, lambda, minFeatureCount);
    const residuals = validation.map((example) => example.logPrice - model.predict(example.listing));
    const rmsle = Math.sqrt(mean(residuals.map((r) => r * r)));
    if (!best || rmsle < best.rmsle) best = { lambda, rmsle, residuals };
  }
  const chosen = best as { lambda: number; rmsle: number; residuals: number[] };
  const residualQuantiles = quantile(chosen.residuals, [...residualLevels]);
  const low = residualQuantiles[9] as number;
  const high = residualQuantiles[89] as number;

  const scaling = scalingOf(examples);
  const final = fit(examples, scaling, chosen.lambda, minFeatureCount);
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return {
    ok: true,
    model: {
      formatVersion: 1,
      version: `price-model-${settings.trainedAt.replaceAll(/[^0-9]/g, '').slice(0, 14)}-${examples.length}`,
      trainedAt: settings.trainedAt,
      currency,
      trainingListings: examples.length,
      validationListings: validation.length,
      lambda: chosen.lambda,
      intercept: round(final.weights[0] as number),
      features: final.features,
      weights: final.features.map((_, i) => round(final.weights[i + 1] as number)),
      scaling,
      residualQuantiles: residualQuantiles.map(round),
      validation: {
        rmsle: round(chosen.rmsle),
        medianApe: round(median(chosen.residuals.map((r) => Math.abs(Math.exp(-r) - 1)))),
        interval80Coverage: round(
          chosen.residuals.filter((r) => r >= low && r <= high).length / chosen.residuals.length,
        ),
      },
    },
  };
}
