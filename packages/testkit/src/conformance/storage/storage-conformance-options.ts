import type { Listing, StorageV1 } from '@deal-scout/core';
import type { ConformanceOptions } from '../define-suite';

/** Groups of storage tests that can be turned off. */
export type StorageConformanceToggle =
  | 'listings'
  | 'rules'
  | 'preferences'
  | 'alertMatches'
  | 'outbox'
  | 'accounts'
  | 'priceAnalyses'
  | 'state'
  /** The tests that race writers with `Promise.all`. */
  | 'concurrency';

/** Options of {@link runStorageConformance}. */
export type StorageConformanceOptions = ConformanceOptions<StorageV1, StorageConformanceToggle> & {
  /**
   * A valid listing this store cannot persist (for PostgreSQL: a title containing `\u0000`), to
   * prove a batch holding it writes nothing. Omit when the store accepts every valid listing.
   */
  readonly unstorableListing?: () => Listing;
};

/** Shared context of the storage test groups. */
export type StorageTestContext = {
  readonly getSubject: () => StorageV1;
  readonly enabled: (toggle: StorageConformanceToggle) => boolean;
  readonly options: StorageConformanceOptions;
};
