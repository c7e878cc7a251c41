import { z } from 'zod';
import type { Listing } from '../listing/listing';
import { empiricalLogPriceDistribution, type LogPriceDistribution } from './log-price-distribution';
import { priceModelFeatures } from './price-model-features';

/** Storage key of the current price model in `storage.state`. */
export const priceModelStateKey = 'pricing.price-model';

/**
 * A trained price model, as stored (JSON) in `storage.state` under {@link priceModelStateKey}:
 * ridge weights on named features of log price, the numeric scaling, and the held-out residual
 * quantiles that calibrate its intervals.
 */
export const PriceModelSchema = z.object({
  formatVersion: z.literal(1),
  /** Identifies this training run; copied into every analysis made with it. */
  version: z.string().min(1),
  trainedAt: z.string(),
  /** The model predicts prices in this currency only. */
  currency: z.string().length(3),
  trainingListings: z.number().int().min(0),
  validationListings: z.number().int().min(0),
  lambda: z.number().positive(),
  intercept: z.number(),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  scaling: z.object({ ageMean: z.number(), ageSd: z.number(), milesMean: z.number(), milesSd: z.number() }),
  /** Residual (actual − predicted log price) quantiles at 0.01…0.99 on the held-out later listings. */
  residualQuantiles: z.array(z.number()).length(99),
  /** Held-out accuracy of the model fitted without the validation listings. */
  validation: z.object({ rmsle: z.number(), medianApe: z.number(), interval80Coverage: z.number() }),
});
export type PriceModel = z.infer<typeof PriceModelSchema>;

/** A model prediction: the calibrated predictive distribution and how much of the item the model knows. */
export type PriceModelPrediction = {
  readonly distribution: LogPriceDistribution;
  /** Fraction (0–1) of the listing's identifying features (make, model, title words) the model has seen. */
  readonly support: number;
};

/** A loaded model, ready to predict. */
export type PriceModelPredictor = {
  /** The stored model this predictor serves. */
  readonly model: PriceModel;
  /** Predicts a listing's price distribution, or `null` for another currency. */
  predict(listing: Listing): PriceModelPrediction | null;
};

/** Prepares a stored model for fast predictions. */
export function createPriceModelPredictor(model: PriceModel): PriceModelPredictor {
  const weightOf = new Map<string, number>();
  model.features.forEach((name, i) => {
    weightOf.set(name, model.weights[i] ?? 0);
  });
  return {
    model,
    predict(listing) {
      if (listing.price.currency !== model.currency) return null;
      const features = priceModelFeatures(listing, model.scaling);
      let logPrice = model.intercept;
      features.names.forEach((name, i) => {
        logPrice += (weightOf.get(name) ?? 0) * (features.values[i] as number);
      });
      const known = features.identity.filter((name) => weightOf.has(name)).length;
      return {
        distribution: empiricalLogPriceDistribution(logPrice, model.residualQuantiles),
        support: features.identity.length === 0 ? 0 : known / features.identity.length,
      };
    },
  };
}
