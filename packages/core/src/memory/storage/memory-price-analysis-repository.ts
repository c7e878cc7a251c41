import type { PriceAnalysis } from '../../pricing/price-analysis';
import type { PriceAnalysisRepositoryV1 } from '../../storage/v1/price-analysis-repository-v1';

/** Price analyses; keeps the latest per listing by `analyzedAt` (a later put wins a tie). */
export function createMemoryPriceAnalysisRepository(): PriceAnalysisRepositoryV1 {
  const latest = new Map<string, PriceAnalysis>();
  return {
    async put(analysis) {
      const current = latest.get(analysis.listingId);
      if (!current || analysis.analyzedAt >= current.analyzedAt) {
        latest.set(analysis.listingId, structuredClone(analysis));
      }
    },
    async latest(listingId) {
      const analysis = latest.get(listingId);
      return analysis ? structuredClone(analysis) : null;
    },
  };
}
