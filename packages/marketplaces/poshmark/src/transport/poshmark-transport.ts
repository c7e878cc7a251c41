import type { HostListingTransport, HostSearchResponse } from '@deal-scout/core';
import type { PoshmarkDepartment } from '../categories/poshmark-categories';
import type { PoshmarkCondition } from '../listings/poshmark-condition';

/** A search in Poshmark's own terms (its public search filters). */
export type PoshmarkSearchRequest = {
  readonly query?: string;
  readonly sortBy: 'added_desc' | 'price_asc' | 'price_desc' | 'like_count' | 'best_match';
  /** `sold_out` for sold comparables. */
  readonly inventoryStatus: 'available' | 'sold_out';
  readonly department?: PoshmarkDepartment | 'All';
  readonly conditions?: readonly PoshmarkCondition[];
  /** Whole currency units. */
  readonly priceMin?: number;
  readonly priceMax?: number;
  readonly brands?: readonly string[];
  readonly sizes?: readonly string[];
  readonly colors?: readonly string[];
  readonly count: number;
  readonly cursor?: string;
  readonly signal?: AbortSignal;
};

/** Raw Poshmark listing JSON the host found, normalised by the adapter. */
export type PoshmarkSearchResponse = HostSearchResponse;

/** A listing in Poshmark's terms, with its fashion metadata, for the host to post. */
export type PoshmarkListingRequest = {
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  readonly price: { readonly val: string; readonly currency_code: string };
  readonly originalPrice: { readonly val: string; readonly currency_code: string } | null;
  readonly brand: string;
  readonly size: string | null;
  readonly colors: readonly string[];
  readonly condition: PoshmarkCondition;
  readonly department: PoshmarkDepartment;
  readonly category: string;
  readonly subcategory: string | null;
  readonly styleTags: readonly string[];
  /** First is the cover shot. */
  readonly pictureUrls: readonly string[];
  readonly quantity: number;
  /** Stable per seller, SKU and marketplace; the host must not post twice for one key. */
  readonly idempotencyKey: string;
};

/**
 * What a host implements to search, post and share on Poshmark. Poshmark has no public API, so the
 * SDK ships no client for one. Each method is optional; capabilities are true exactly for the
 * methods supplied (`search`, `getListing`, `publish`, `update`, `withdraw`). `share` is a
 * host-driven action the adapter meters against a daily cap.
 */
export type PoshmarkTransport = HostListingTransport<PoshmarkSearchRequest, PoshmarkListingRequest> & {
  share?(request: {
    readonly listingId: string;
    readonly accountId: string;
    readonly signal?: AbortSignal;
  }): Promise<void>;
};
