export {
  callWithRetries,
  defaultRetryPolicy,
  type RetryPolicy,
  retryDelay,
  toDealScoutError,
} from './call-with-retries';
export { createDealScout, type DealScout, type DealScoutConfig } from './create-deal-scout';
export type { DealScoutEventName, DealScoutEvents, IngestSummary } from './events';
export { type IngestRejection, type IngestResult, ingestChunkSize, ingestListings } from './ingest';
export {
  type ListingSearchQuery,
  ListingSearchQuerySchema,
  type ListingSearchResult,
  searchListings,
} from './listing-search';
export { createConsoleLogger, type LogLevel, redactSecrets, silentLogger, withRedaction } from './logger';
export {
  assertMarketplaceAdapter,
  createMarketplaceClient,
  type MarketplaceClient,
  type MarketplaceSearchInput,
  MarketplaceSearchInputSchema,
  type MarketplaceSearchResult,
} from './marketplace-client';
export type { DealScoutEmitter, IngestStages, RuntimeContext } from './runtime-context';
export { createSystemClock, sleepOn } from './system-clock';
