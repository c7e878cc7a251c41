import type { AlertMatchRepositoryV1 } from './alert-match-repository-v1';
import type { ListingRepositoryV1 } from './listing-repository-v1';
import type { MarketplaceAccountRepositoryV1 } from './marketplace-account-repository-v1';
import type { OutboxRepositoryV1 } from './outbox-repository-v1';
import type { PreferencesRepositoryV1 } from './preferences-repository-v1';
import type { PriceAnalysisRepositoryV1 } from './price-analysis-repository-v1';
import type { RuleRepositoryV1 } from './rule-repository-v1';
import type { StateRepositoryV1 } from './state-repository-v1';

/**
 * Storage, version 1: one repository per aggregate. Implementations receive validated domain
 * objects (the runtime parses every input first) and must:
 * - make each method atomic (a failed batch writes nothing);
 * - enforce uniqueness in the store itself (listing id, rule × listing, outbox dedupe key), so
 *   concurrent writers cannot create duplicates;
 * - throw `StorageError` (retryable when the failure is transient, such as a lost connection)
 *   and never acknowledge a write they did not make durable.
 *
 * Timestamps are ISO-8601 UTC strings; money is integer minor units.
 */
export type StorageV1 = {
  readonly specificationVersion: 'v1';
  /** Short name for logs and errors (`memory`, `postgres`, `pglite`). */
  readonly storageId: string;
  readonly listings: ListingRepositoryV1;
  readonly rules: RuleRepositoryV1;
  readonly preferences: PreferencesRepositoryV1;
  readonly alertMatches: AlertMatchRepositoryV1;
  readonly outbox: OutboxRepositoryV1;
  readonly accounts: MarketplaceAccountRepositoryV1;
  readonly priceAnalyses: PriceAnalysisRepositoryV1;
  readonly state: StateRepositoryV1;
  /** Releases resources the storage created itself (not a client the host passed in). */
  close?(): Promise<void>;
};
