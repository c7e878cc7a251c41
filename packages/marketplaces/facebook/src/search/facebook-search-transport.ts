import type { FacebookCondition } from '../listings/facebook-condition';

/**
 * A Marketplace search the host performs. Facebook offers no public Marketplace search API, so the
 * SDK ships no client for one; a host with its own access (a data partnership, a research licence)
 * implements this seam and the adapter turns the runtime's search into it and normalises the answer.
 */
export type FacebookSearchRequest = {
  readonly query?: string;
  /** Major units of `currency`. */
  readonly minPrice?: number;
  readonly maxPrice?: number;
  readonly currency?: string;
  /** Facebook's condition values. */
  readonly conditions?: readonly FacebookCondition[];
  /** Centre and radius in kilometres, as Marketplace filters by. */
  readonly near?: { readonly latitude: number; readonly longitude: number; readonly radiusKm: number };
  readonly sort: 'creation_time_descend' | 'best_match' | 'price_ascend';
  /** At most 24, Marketplace's page size. */
  readonly count: number;
  readonly cursor?: string;
  readonly signal?: AbortSignal;
};

/** What the host's search answers: raw Marketplace listing JSON, normalised by the adapter. */
export type FacebookSearchResponse = {
  readonly listings: readonly unknown[];
  readonly nextCursor: string | null;
};

/** The host's implementation of Marketplace search (and, optionally, one listing by id). */
export type FacebookSearchTransport = {
  search(request: FacebookSearchRequest): Promise<FacebookSearchResponse>;
  /** One listing's JSON by id, `null` when gone. Enables `capabilities.getListing`. */
  getListing?(request: { readonly id: string; readonly signal?: AbortSignal }): Promise<unknown | null>;
};
