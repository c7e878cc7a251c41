export type { AlertMatchRepositoryV1 } from './alert-match-repository-v1';
export type {
  ListingQueryV1,
  ListingRepositoryV1,
  ListingUpsertResultV1,
  PricePointV1,
} from './listing-repository-v1';
export type { MarketplaceAccountRepositoryV1 } from './marketplace-account-repository-v1';
export type { OutboxRepositoryV1 } from './outbox-repository-v1';
export type { PageRequestV1, PageV1 } from './page-v1';
export type { PreferencesRepositoryV1 } from './preferences-repository-v1';
export type { PriceAnalysisRepositoryV1 } from './price-analysis-repository-v1';
export type { RuleRepositoryV1 } from './rule-repository-v1';
export type { StateEntryV1, StateRepositoryV1 } from './state-repository-v1';
export type { StorageV1 } from './storage-v1';
