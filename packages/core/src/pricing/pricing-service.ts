import { z } from 'zod';
import { NotFoundError } from '../errors/not-found-error';
import { type Listing, type ListingInput, ListingSchema } from '../listing/listing';
import type { Money } from '../listing/money';
import { isValidatedListing, sealValidatedListing } from '../listing/validated-listing';
import type { RuntimeContext } from '../runtime/runtime-context';
import { parseInput } from '../shared/parse-input';
import { buildPriceAnalysis, toComparables } from './build-price-analysis';
import { type ComparablesIndex, createComparablesIndex } from './comparables-index';
import { evaluatePrice } from './evaluate-price';
import { forEachStoredListing } from './for-each-stored-listing';
import { type Comparable, type PriceAnalysis, PriceAnalysisSchema } from './price-analysis';
import { createPriceModelPredictor, type PriceModel, type PriceModelPredictor } from './price-model';
import {
  loadStoredPriceModel,
  type PriceModelTrainingResult,
  trainAndStorePriceModel,
} from './price-model-store';
import { type PricingSettings, PricingSettingsSchema } from './pricing-settings';
import { registerPricingStages } from './pricing-stages';

/** Name of the job that trains the price model (`scout.jobs`). */
export const trainPriceModelJobName = 'train-price-model';

const ListingIdSchema = z
  .string({ error: 'must be a listing id string' })
  .regex(/^[a-z][a-z0-9-]{0,31}:.{1,200}$/, 'must be a listing id `<marketplace>:<externalId>`');
const SellerIdSchema = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(128);
const LimitSchema = z.object({ limit: z.number().int().min(1).max(500).default(20) }).default({ limit: 20 });
const OptimizeOptionsSchema = z
  .object({ maxListings: z.number().int().min(1).max(10_000).default(500) })
  .default({ maxListings: 500 });

/** What `optimize` suggests for one of a seller's listings. */
export type PriceRecommendation = {
  readonly listingId: string;
  readonly title: string;
  readonly currentPrice: Money;
  /** `null` when there was too little data to recommend anything. */
  readonly recommendedPrice: Money | null;
  /** `lower`: above the recommended range; `raise`: below it; `keep`: inside; `unknown`: no estimate. */
  readonly action: 'lower' | 'raise' | 'keep' | 'unknown';
  readonly analysis: PriceAnalysis;
};

/** `scout.pricing`: price analysis, comparables, seller optimisation and the trained model. */
export type PricingService = {
  /**
   * Analyses a stored listing against the market, stores the analysis and returns it.
   * @throws ValidationError for a malformed id; NotFoundError when the listing is not stored.
   */
  analyze(listingId: string): Promise<PriceAnalysis>;
  /**
   * The latest stored analysis of a listing, or `null` when it was never analysed.
   * @throws ValidationError for a malformed id.
   */
  latest(listingId: string): Promise<PriceAnalysis | null>;
  /**
   * The comparable listings the market estimate uses, most similar first (for sellers).
   * @throws ValidationError for a malformed id or options; NotFoundError for an unknown listing.
   */
  comparables(listingId: string, options?: { limit?: number }): Promise<Comparable[]>;
  /**
   * Analyses every active listing of a seller (up to `maxListings`, default 500), stores the
   * analyses and returns a recommendation per listing, newest listing first.
   * @throws ValidationError for a malformed seller id or options.
   */
  optimize(sellerId: string, options?: { maxListings?: number }): Promise<PriceRecommendation[]>;
  /**
   * Prices a listing that is not stored (a seller's draft): the same analysis, not stored. `id`
   * may be left out (it is `<marketplace>:<externalId>`).
   * @throws ValidationError when the listing is invalid.
   */
  quote(listing: Omit<ListingInput, 'id'> & { readonly id?: string }): Promise<PriceAnalysis>;
  /** Trains the price model now from stored listings and stores it (what the job runs). */
  trainModel(): Promise<PriceModelTrainingResult>;
  /** The price model in use, or `null` before one was trained. */
  currentModel(): Promise<PriceModel | null>;
  /**
   * Adds stored listings to the comparables index. Ingest does this automatically; call it only
   * after writing to storage directly (bulk loads) with `loadIndexFromStorage: false`.
   */
  indexListings(listings: readonly Listing[]): Promise<void>;
};

/**
 * Creates the pricing service on a runtime: registers the deal-score enrich stage, the index
 * react stage and the `train-price-model` job (scheduled every `trainEveryMs`).
 *
 * @throws ValidationError when `settings` are invalid.
 */
export function createPricingService(
  context: RuntimeContext,
  settings: PricingSettings = {},
): PricingService {
  const resolved = parseInput(PricingSettingsSchema, settings, { subject: 'pricing settings' });
  const index: ComparablesIndex = createComparablesIndex();
  let indexLoad: Promise<void> | null = resolved.loadIndexFromStorage ? null : Promise.resolve();
  let predictor: PriceModelPredictor | null = null;
  let modelCheckedAt = Number.NEGATIVE_INFINITY;

  const ensureIndex = () => {
    indexLoad ??= forEachStoredListing(context.storage, (page) => {
      for (const listing of page) index.upsert(listing);
    }).then(
      () => undefined,
      (error: unknown) => {
        indexLoad = null; // retry on next use
        throw error;
      },
    );
    return indexLoad;
  };

  const currentPredictor = async () => {
    const nowMs = context.clock.now().getTime();
    if (nowMs - modelCheckedAt >= resolved.modelRefreshMs) {
      modelCheckedAt = nowMs;
      const model = await loadStoredPriceModel(context.storage);
      if (model?.version !== predictor?.model.version)
        predictor = model ? createPriceModelPredictor(model) : null;
    }
    return predictor;
  };

  const evaluate = async (listing: Listing, withTrend: boolean) => {
    await ensureIndex();
    return evaluatePrice(listing, {
      index,
      predictor: await currentPredictor(),
      settings: resolved,
      nowMs: context.clock.now().getTime(),
      withTrend,
    });
  };

  const analyse = async (listing: Listing) => {
    const evaluation = await evaluate(listing, true);
    const used = evaluation.comparables.used;
    const stored = await context.storage.listings.getMany(used.map((match) => match.listingId));
    const titles = new Map(stored.map((item) => [item.id, item.title]));
    const comparables = toComparables(used, titles, listing.price.currency);
    return PriceAnalysisSchema.parse(buildPriceAnalysis(listing, evaluation, comparables, context.now()));
  };

  const stored = async (listingId: unknown) => {
    const id = parseInput(ListingIdSchema, listingId, { subject: 'listing id', field: 'listingId' });
    const listing = await context.storage.listings.get(id);
    if (!listing) throw new NotFoundError({ resource: 'listing', id });
    return listing;
  };

  const service: PricingService = {
    async analyze(listingId) {
      const listing = await stored(listingId);
      const analysis = await analyse(listing);
      await context.storage.priceAnalyses.put(analysis);
      return analysis;
    },
    async latest(listingId) {
      const id = parseInput(ListingIdSchema, listingId, { subject: 'listing id', field: 'listingId' });
      return context.storage.priceAnalyses.latest(id);
    },
    async comparables(listingId, options) {
      const listing = await stored(listingId);
      const { limit } = parseInput(LimitSchema, options, { subject: 'comparables options' });
      const evaluation = await evaluate(listing, false);
      // Sellers compare against the most similar items first; the statistics weigh recency too.
      const used = [...evaluation.comparables.used]
        .sort((a, b) => b.similarity - a.similarity || b.weight - a.weight)
        .slice(0, limit);
      const found = await context.storage.listings.getMany(used.map((match) => match.listingId));
      return toComparables(used, new Map(found.map((item) => [item.id, item.title])), listing.price.currency);
    },
    async optimize(sellerId, options) {
      const id = parseInput(SellerIdSchema, sellerId, { subject: 'seller id', field: 'sellerId' });
      const { maxListings } = parseInput(OptimizeOptionsSchema, options, { subject: 'optimize options' });
      const listings: Listing[] = [];
      let cursor: string | null = null;
      do {
        const page = await context.storage.listings.query({
          sellerId: id,
          statuses: ['active'],
          limit: Math.min(1000, maxListings - listings.length),
          cursor,
        });
        listings.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && listings.length < maxListings);
      const out: PriceRecommendation[] = [];
      for (const listing of listings) {
        const analysis = await analyse(listing);
        await context.storage.priceAnalyses.put(analysis);
        out.push(recommendationOf(listing, analysis));
      }
      return out;
    },
    async quote(input) {
      // A draft may leave the id out; it is derived the way ingest derives it.
      const raw = input as Partial<ListingInput> | null;
      const withId =
        raw && typeof raw === 'object' && raw.id === undefined && raw.marketplace && raw.externalId
          ? { ...raw, id: `${raw.marketplace}:${raw.externalId}` }
          : input;
      const listing = parseInput(ListingSchema, withId, { subject: 'listing' });
      return analyse(listing);
    },
    async trainModel() {
      await ensureIndex();
      const result = await trainAndStorePriceModel(context.storage, {
        minListings: resolved.modelMinListings,
        trainedAt: context.now(),
      });
      modelCheckedAt = Number.NEGATIVE_INFINITY; // pick the new model up on next use
      return result;
    },
    currentModel: async () => (await currentPredictor())?.model ?? null,
    async indexListings(listings) {
      for (const listing of listings) index.upsert(listing);
    },
  };

  registerPricingStages(
    context.stages,
    {
      scoreListings: async (listings) => {
        const out: Listing[] = [];
        for (const listing of listings) {
          const evaluation = await evaluate(listing, false);
          const score = evaluation.dealScore;
          // A validated listing stays valid with its (optional) score removed or set within 0–1.
          const validated = isValidatedListing(listing);
          if (score === null) {
            const { dealScore: _previous, ...rest } = listing;
            out.push(validated ? sealValidatedListing(rest as Listing) : (rest as Listing));
          } else {
            const scored = { ...listing, dealScore: score };
            out.push(validated && score >= 0 && score <= 1 ? sealValidatedListing(scored) : scored);
          }
        }
        return out;
      },
      indexListings: async (listings) => {
        await ensureIndex();
        for (const listing of listings) index.upsert(listing);
      },
    },
    { dealScoreOnIngest: resolved.dealScoreOnIngest },
  );

  context.jobs.process(trainPriceModelJobName, async (_payload, job) => {
    job.progress(0, 'training the price model');
    const result = await service.trainModel();
    job.progress(1, result.trained ? `trained ${result.version}` : (result.reason ?? 'not trained'));
  });
  if (resolved.trainEveryMs !== null) {
    context.jobs
      .schedule(trainPriceModelJobName, { everyMs: resolved.trainEveryMs })
      .catch((error: unknown) => context.reportError(`schedule '${trainPriceModelJobName}'`, error));
  }
  return service;
}

function recommendationOf(listing: Listing, analysis: PriceAnalysis): PriceRecommendation {
  const price = listing.price.amount;
  let action: PriceRecommendation['action'] = 'unknown';
  if (analysis.priceRangeMin && analysis.priceRangeMax) {
    action =
      price > analysis.priceRangeMax.amount
        ? 'lower'
        : price < analysis.priceRangeMin.amount
          ? 'raise'
          : 'keep';
  }
  return {
    listingId: listing.id,
    title: listing.title,
    currentPrice: listing.price,
    recommendedPrice: analysis.recommendedPrice,
    action,
    analysis,
  };
}
