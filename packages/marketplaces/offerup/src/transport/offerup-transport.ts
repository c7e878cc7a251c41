import type { HostListingTransport, HostSearchResponse } from '@deal-scout/core';
import type { OfferUpCategory } from '../categories/offerup-categories';
import type { OfferUpCondition } from '../listings/offerup-condition';

/**
 * A search in OfferUp's own terms (its search parameter names: `q`, `lat`/`lon` or `zipcode`,
 * `DISTANCE` in miles, `SORT`, `DELIVERY_FLAGS`, `PRICE_MIN`/`PRICE_MAX`, `CONDITION`).
 */
export type OfferUpSearchRequest = {
  readonly q?: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly zipcode?: string;
  /** Radius in miles. */
  readonly distance?: number;
  /** Absent: OfferUp's relevance order. */
  readonly sort?: '-posted' | 'distance' | 'price' | '-price';
  /** `p` pickup, `s` shipping, `p_s` both. */
  readonly deliveryFlags?: 'p' | 's' | 'p_s';
  /** Whole US dollars. */
  readonly priceMin?: number;
  readonly priceMax?: number;
  readonly conditions?: readonly OfferUpCondition[];
  readonly limit: number;
  readonly cursor?: string;
  readonly signal?: AbortSignal;
};

/** What the host's search answers: raw OfferUp listing JSON, which the adapter normalises. */
export type OfferUpSearchResponse = HostSearchResponse;

/** A listing in OfferUp's terms, ready for the host to post through whatever access it holds. */
export type OfferUpListingRequest = {
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  /** Whole and fractional US dollars (`125.5`). */
  readonly price: number;
  readonly condition: OfferUpCondition;
  readonly category: OfferUpCategory | null;
  readonly photoUrls: readonly string[];
  readonly location: { readonly latitude?: number; readonly longitude?: number; readonly zipcode?: string };
  readonly localPickup: boolean;
  readonly shipping: {
    readonly enabled: boolean;
    readonly weightLb?: number;
    readonly sellerPaysShipping: boolean;
  };
  readonly firmOnPrice: boolean;
  /** Stable per seller, SKU and marketplace; the host must not post twice for one key. */
  readonly idempotencyKey: string;
};

/**
 * What a host implements to let the adapter search and post on OfferUp. OfferUp has no public API
 * (OfferUp Pro lists through ChannelAdvisor only), so the SDK ships no client for one. Each method is
 * optional; the adapter's capabilities are true exactly for the methods supplied: `search`,
 * `getListing` (one listing's JSON by id, `null` when gone), `publish`, `update` and `withdraw`.
 */
export type OfferUpTransport = HostListingTransport<OfferUpSearchRequest, OfferUpListingRequest>;
