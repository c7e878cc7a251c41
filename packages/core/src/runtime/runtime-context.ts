import type EventEmitter from 'eventemitter3';
import type { NotificationChannelV1 } from '../channel/v1/notification-channel-v1';
import type { ClockV1 } from '../clock/v1/clock-v1';
import type { JobsV1 } from '../jobs/v1/jobs-v1';
import type { Listing } from '../listing/listing';
import type { LoggerV1 } from '../logger/v1/logger-v1';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import type { ChannelKind } from '../notifications/channel-kind';
import type { SearchIndexV1 } from '../search/v1/search-index-v1';
import type { ListingUpsertResultV1 } from '../storage/v1/listing-repository-v1';
import type { StorageV1 } from '../storage/v1/storage-v1';
import type { DealScoutEvents } from './events';
import type { IngestResult } from './ingest';
import type { MarketplaceClient } from './marketplace-client';

/** A typed event emitter over {@link DealScoutEvents}. */
export type DealScoutEmitter = EventEmitter<{ [K in keyof DealScoutEvents]: [DealScoutEvents[K]] }>;

/**
 * A stage of the ingest pipeline. `enrich` stages run on validated listings before they are
 * stored and may return changed copies (the deal score is set here); `react` stages run after
 * the batch is stored, with what changed (rule matching, search indexing). A failing `react`
 * stage is reported as an `error` event and never undoes the stored batch.
 */
export type IngestStages = {
  readonly enrich: Array<{ name: string; run(listings: Listing[]): Promise<Listing[]> }>;
  readonly react: Array<{
    name: string;
    run(batch: { listings: Listing[]; results: ListingUpsertResultV1[] }): Promise<void>;
  }>;
};

/**
 * What every service inside the runtime shares: the composed adapters, the clock, the logger,
 * the event emitter and the ingest stages. Services are created with it by `createDealScout`.
 */
export type RuntimeContext = {
  readonly storage: StorageV1;
  readonly search: SearchIndexV1;
  readonly jobs: JobsV1;
  readonly clock: ClockV1;
  readonly logger: LoggerV1;
  readonly events: DealScoutEmitter;
  readonly marketplaces: ReadonlyMap<string, MarketplaceAdapterV1>;
  /**
   * The runtime client of a composed marketplace (capability checks, validation, rate limits,
   * retries, error wrapping). Throws `NotFoundError` for an unknown id. Always call adapters
   * through it, never their `do*` methods directly.
   */
  marketplace(marketplaceId: string): MarketplaceClient;
  readonly channels: ReadonlyMap<ChannelKind, NotificationChannelV1>;
  readonly stages: IngestStages;
  /** Stores, enriches and reacts to listings: the same pipeline as `scout.ingest`. */
  ingest(listings: readonly unknown[]): Promise<IngestResult>;
  /** The ISO timestamp of the clock's now. */
  now(): string;
  /** Reports a background failure as an `error` event and a log line; never throws. */
  reportError(context: string, error: unknown): void;
};
