import { categoryParent } from '../listing/categories';
import type { Listing } from '../listing/listing';
import { listingPriceFacts } from './listing-price-facts';
import { tokenizeTitle } from './tokenize-title';

/** Centring and scaling of the numeric features, learnt from the training listings. */
export type NumericScaling = {
  readonly ageMean: number;
  readonly ageSd: number;
  readonly milesMean: number;
  readonly milesSd: number;
};

/** Raw numeric facts before scaling: age in years at posting and ln(1 + miles). */
export type RawNumericFacts = { readonly age: number | null; readonly logMiles: number | null };

/** A listing as named features: one-hot names (value 1) and scaled numeric values. */
export type PriceFeatureVector = {
  readonly names: string[];
  readonly values: number[];
  /** Names that identify the item (make, model, title terms): used to judge model support. */
  readonly identity: string[];
};

const skippedAttributes = new Set([
  'make',
  'manufacturer',
  'brand',
  'model',
  'modelName',
  'year',
  'modelYear',
  'model_year',
  'mileage',
  'odometer',
  'odometerMi',
  'miles',
]);

/** The unscaled age and mileage of a listing. */
export function rawNumericFacts(listing: Listing): RawNumericFacts {
  const facts = listingPriceFacts(listing);
  const postedYear = new Date(facts.postedAtMs).getUTCFullYear();
  return {
    age: facts.year === null ? null : Math.max(0, postedYear - facts.year),
    logMiles: facts.mileage === null ? null : Math.log1p(facts.mileage),
  };
}

/**
 * The features of the price model: condition, category and its parent, brand/make, make + model
 * family, full model, model year, month of posting (seasonality), title words and word pairs,
 * other string attributes (`fuel=gas`, `drive=4wd`), and numeric age (with its square) and
 * log-mileage, also per make and per model family so depreciation can differ by make.
 */
export function priceModelFeatures(listing: Listing, scaling: NumericScaling): PriceFeatureVector {
  const facts = listingPriceFacts(listing);
  const names: string[] = [];
  const values: number[] = [];
  const identity: string[] = [];
  const add = (name: string, value = 1) => {
    names.push(name);
    values.push(value);
  };
  add(`condition:${listing.condition ?? 'unknown'}`);
  if (listing.category) {
    add(`category:${listing.category}`);
    const parent = categoryParent(listing.category);
    if (parent) add(`category:${parent}`);
  }
  add(`month:${new Date(facts.postedAtMs).getUTCMonth() + 1}`);
  if (facts.make) {
    add(`make:${facts.make}`);
    identity.push(`make:${facts.make}`);
  }
  const family = facts.modelBase ? `${facts.make ?? ''}|${facts.modelBase}` : null;
  if (family) {
    add(`model:${family}`);
    identity.push(`model:${family}`);
  }
  if (facts.model && facts.model !== facts.modelBase) add(`model-full:${facts.make ?? ''}|${facts.model}`);
  if (facts.year !== null) add(`year:${facts.year}`);

  const terms = [...new Set(tokenizeTitle(listing.title))];
  for (const term of terms) {
    add(`term:${term}`);
    identity.push(`term:${term}`);
  }
  for (let i = 1; i < terms.length; i++) add(`pair:${terms[i - 1]} ${terms[i]}`);
  for (const [key, value] of Object.entries(listing.attributes)) {
    if (skippedAttributes.has(key) || typeof value !== 'string' || value.length > 40) continue;
    add(`attribute:${key}=${value.trim().toLowerCase()}`);
  }

  const raw = rawNumericFacts(listing);
  if (raw.age === null) add('age:unknown');
  else {
    const age = (raw.age - scaling.ageMean) / scaling.ageSd;
    add('age', age);
    add('age^2', age * age);
    if (facts.make) add(`age×make:${facts.make}`, age);
    if (family) add(`age×model:${family}`, age);
  }
  if (raw.logMiles === null) add('miles:unknown');
  else if (raw.logMiles < Math.log1p(10))
    add('miles:zero'); // "0 miles" usually means not given
  else {
    const miles = (raw.logMiles - scaling.milesMean) / scaling.milesSd;
    add('miles', miles);
    add('miles^2', miles * miles);
    if (facts.make) add(`miles×make:${facts.make}`, miles);
  }
  return { names, values, identity };
}
