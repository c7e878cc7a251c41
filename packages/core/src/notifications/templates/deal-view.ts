import type { Listing } from '../../listing/listing';
import type { Money } from '../../listing/money';
import type { PriceAnalysis } from '../../pricing/price-analysis';
import type { DealAlertRule } from '../../rules/deal-alert-rule';
import type { StorageV1 } from '../../storage/v1/storage-v1';

/** Everything a template shows about one deal; every string is raw (templates escape). */
export type DealView = {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly listingId: string;
  readonly marketplace: string;
  readonly title: string;
  /** The listing page, or `null` when the marketplace gave none. */
  readonly url: string | null;
  /** The first image, or `null`. */
  readonly imageUrl: string | null;
  readonly price: Money;
  /** The market median (or average) from the latest price analysis; `null` when unknown. */
  readonly marketPrice: Money | null;
  /** 0–1 from the listing, else from the latest analysis; `null` when not scored. */
  readonly dealScore: number | null;
  readonly trend: PriceAnalysis['priceTrend'] | null;
  /** % change over 30 days (`-4.2`); `null` when there is no analysis. */
  readonly trendPctChange: number | null;
  /** Why it matched, in words. */
  readonly reasons: readonly string[];
};

/** Builds a deal view from a listing, its latest price analysis (if any) and the matching rule. */
export function toDealView(
  listing: Listing,
  analysis: PriceAnalysis | null,
  rule: Pick<DealAlertRule, 'id' | 'name'>,
  reasons: readonly string[] = [],
): DealView {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    listingId: listing.id,
    marketplace: listing.marketplace,
    title: listing.title,
    url: listing.url ?? null,
    imageUrl: listing.images[0] ?? null,
    price: listing.price,
    marketPrice: analysis?.marketMedian ?? analysis?.marketAvg ?? null,
    dealScore: listing.dealScore ?? analysis?.dealScore ?? null,
    trend: analysis?.priceTrend ?? null,
    trendPctChange: analysis ? analysis.trendPctChange : null,
    reasons,
  };
}

/** Loads the latest price analysis of the listing (when storage has one) and builds its view. */
export async function loadDealView(
  storage: Pick<StorageV1, 'priceAnalyses'>,
  listing: Listing,
  rule: Pick<DealAlertRule, 'id' | 'name'>,
  reasons: readonly string[] = [],
): Promise<DealView> {
  const analysis = await storage.priceAnalyses.latest(listing.id);
  return toDealView(listing, analysis, rule, reasons);
}

/** A deal score as people read it: `82/100`. */
export function formatDealScore(score: number): string {
  return `${Math.round(score * 100)}/100`;
}
