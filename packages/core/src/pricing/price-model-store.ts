import type { Listing } from '../listing/listing';
import type { StorageV1 } from '../storage/v1/storage-v1';
import { forEachStoredListing } from './for-each-stored-listing';
import { type PriceModel, PriceModelSchema, priceModelStateKey } from './price-model';
import { trainPriceModel } from './train-price-model';

/** What one training run did. */
export type PriceModelTrainingResult = {
  readonly trained: boolean;
  /** The stored model's version, or `null` when none was trained. */
  readonly version: string | null;
  /** Why no model was trained (too little data), or `null`. */
  readonly reason: string | null;
  readonly usableListings: number;
  /** Held-out accuracy of the new model, or `null`. */
  readonly validation: PriceModel['validation'] | null;
};

/** The stored price model, or `null` when none was trained or the stored value is unreadable. */
export async function loadStoredPriceModel(storage: StorageV1): Promise<PriceModel | null> {
  const entry = await storage.state.get(priceModelStateKey);
  if (!entry) return null;
  const parsed = PriceModelSchema.safeParse(entry.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Trains a price model from every stored listing and stores it under `pricing.price-model`
 * (replacing the previous version). With too little data nothing is stored and the previous
 * model, if any, stays in use.
 */
export async function trainAndStorePriceModel(
  storage: StorageV1,
  options: { readonly minListings: number; readonly trainedAt: string },
): Promise<PriceModelTrainingResult> {
  const listings: Listing[] = [];
  await forEachStoredListing(storage, (page) => listings.push(...page));
  const outcome = trainPriceModel(listings, options);
  if (!outcome.ok) {
    return {
      trained: false,
      version: null,
      reason: outcome.reason,
      usableListings: outcome.usableListings,
      validation: null,
    };
  }
  await storage.state.set(priceModelStateKey, outcome.model);
  return {
    trained: true,
    version: outcome.model.version,
    reason: null,
    usableListings: outcome.model.trainingListings,
    validation: outcome.model.validation,
  };
}
