import type { PriceAnalysis } from '../../pricing/price-analysis';

/** Stored price analyses; the latest per listing is what hosts read back. */
export type PriceAnalysisRepositoryV1 = {
  put(analysis: PriceAnalysis): Promise<void>;
  /** The most recent analysis of a listing, or `null`. */
  latest(listingId: string): Promise<PriceAnalysis | null>;
};
