import type { Listing } from '../listing/listing';
import type { IngestStages } from '../runtime/runtime-context';

/** The deal-score and indexing hooks the pricing service adds to the ingest pipeline. */
export type PricingStageHooks = {
  /** Returns copies of the listings with `dealScore` set where an estimate exists. */
  scoreListings(listings: Listing[]): Promise<Listing[]>;
  /** Adds stored listings to the comparables index. */
  indexListings(listings: readonly Listing[]): Promise<void>;
};

/** Name of the enrich stage that sets deal scores. */
export const dealScoreStageName = 'pricing.deal-score';
/** Name of the react stage that keeps the comparables index current. */
export const comparablesIndexStageName = 'pricing.comparables-index';

/**
 * Registers pricing in the ingest pipeline: an `enrich` stage that sets every listing's deal score
 * before it is stored (so rules can use `minDealScore` on the same ingest), and a `react` stage
 * that adds what was stored to the comparables index. Registering twice is a no-op.
 */
export function registerPricingStages(
  stages: IngestStages,
  hooks: PricingStageHooks,
  options: { readonly dealScoreOnIngest: boolean },
): void {
  if (options.dealScoreOnIngest && !stages.enrich.some((stage) => stage.name === dealScoreStageName)) {
    stages.enrich.push({ name: dealScoreStageName, run: (listings) => hooks.scoreListings(listings) });
  }
  if (!stages.react.some((stage) => stage.name === comparablesIndexStageName)) {
    stages.react.push({
      name: comparablesIndexStageName,
      run: async ({ listings, results }) => {
        const changed = listings.filter((_, i) => results[i]?.outcome !== 'unchanged');
        await hooks.indexListings(changed);
      },
    });
  }
}
