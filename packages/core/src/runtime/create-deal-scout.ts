import EventEmitter from 'eventemitter3';
import { z } from 'zod';
import { createMarketplacesService, type MarketplacesService } from '../accounts/create-marketplaces-service';
import type { MarketplacesSettings } from '../accounts/marketplaces-settings';
import type { NotificationChannelV1 } from '../channel/v1/notification-channel-v1';
import type { ClockV1 } from '../clock/v1/clock-v1';
import { ConfigurationError } from '../errors/configuration-error';
import { NotFoundError } from '../errors/not-found-error';
import type { JobsV1 } from '../jobs/v1/jobs-v1';
import type { Listing } from '../listing/listing';
import type { LoggerV1 } from '../logger/v1/logger-v1';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import { createMemoryJobs } from '../memory/jobs';
import { createMemorySearchIndex } from '../memory/search';
import { createMemoryStorage } from '../memory/storage';
import type { ChannelKind } from '../notifications/channel-kind';
import {
  createNotificationsService,
  type NotificationsService,
} from '../notifications/create-notifications-service';
import type { NotificationsSettings } from '../notifications/notifications-settings';
import { createPricingService, type PricingService } from '../pricing/pricing-service';
import type { PricingSettings } from '../pricing/pricing-settings';
import { createRulesService, type RulesService } from '../rules/rules-service';
import type { RulesSettings } from '../rules/rules-settings';
import type { SearchIndexV1 } from '../search/v1/search-index-v1';
import { parseInput } from '../shared/parse-input';
import type { PricePointV1 } from '../storage/v1/listing-repository-v1';
import type { StorageV1 } from '../storage/v1/storage-v1';
import { defaultRetryPolicy, type RetryPolicy, toDealScoutError } from './call-with-retries';
import type { DealScoutEvents } from './events';
import { type IngestResult, ingestListings } from './ingest';
import { type ListingSearchQuery, type ListingSearchResult, searchListings } from './listing-search';
import { createConsoleLogger, withRedaction } from './logger';
import { createMarketplaceClient, type MarketplaceClient } from './marketplace-client';
import type { DealScoutEmitter, IngestStages, RuntimeContext } from './runtime-context';
import { createSystemClock } from './system-clock';

/** How a host composes Deal Scout. Everything is optional; the defaults need no infrastructure. */
export type DealScoutConfig = {
  /** Default: in-memory storage (lost on exit). */
  readonly storage?: StorageV1;
  /** Default: in-memory search index. */
  readonly search?: SearchIndexV1;
  /** Default: in-process jobs on `clock`. */
  readonly jobs?: JobsV1;
  /** Default: the system clock. Tests pass a manual clock. */
  readonly clock?: ClockV1;
  /** Default: JSON lines on the console at `warn` and above. Every field is redacted of secrets. */
  readonly logger?: LoggerV1;
  /** Marketplace adapters, one per marketplace id. */
  readonly marketplaces?: readonly MarketplaceAdapterV1[];
  /** Notification channels, one per channel kind. */
  readonly channels?: readonly NotificationChannelV1[];
  /** How adapter calls are retried. */
  readonly retry?: Partial<RetryPolicy>;
  /** Price analysis, deal scores and the price model (`docs/pricing.md`). */
  readonly pricing?: PricingSettings;
  /** Notification delivery: unsubscribe URLs (required with email), retries, digests (`docs/notifications.md`). */
  readonly notifications?: NotificationsSettings;
  /** Seller accounts and cross-posting: token encryption keys, OAuth state lifetime (`docs/marketplaces.md`). */
  readonly marketplaceAccounts?: MarketplacesSettings;
  /** Deal alert rules: per-user limit, currency converter, catch-up period, scout loop (`docs/rule-semantics.md`). */
  readonly rules?: RulesSettings;
};

const RetryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(20).optional(),
  baseDelayMs: z.number().int().min(0).max(600_000).optional(),
  maxDelayMs: z.number().int().min(0).max(3_600_000).optional(),
});

type Listener<K extends keyof DealScoutEvents> = (payload: DealScoutEvents[K]) => void;

/** A composed Deal Scout instance. */
export type DealScout = {
  readonly storage: StorageV1;
  readonly search: SearchIndexV1;
  readonly jobs: JobsV1;
  readonly clock: ClockV1;
  readonly logger: LoggerV1;
  /** Subscribes to an event; returns a function that unsubscribes. */
  on<K extends keyof DealScoutEvents>(event: K, listener: Listener<K>): () => void;
  /** Subscribes to the next occurrence of an event only. */
  once<K extends keyof DealScoutEvents>(event: K, listener: Listener<K>): () => void;
  /**
   * Validates, normalises and stores listings (each with its price history), then runs pricing,
   * search indexing and rule matching on them. Bad listings are reported in `rejected` (and as
   * `listing.rejected` events) and never block the rest of the batch.
   */
  ingest(listings: readonly unknown[]): Promise<IngestResult>;
  /** Stored listings. */
  readonly listings: {
    /** One listing; throws `NotFoundError` when it is not stored. */
    get(id: string): Promise<Listing>;
    /** The listing's observed prices, oldest first. */
    priceHistory(id: string): Promise<PricePointV1[]>;
    /** Full-text and filtered search over the search index. */
    search(query: ListingSearchQuery): Promise<ListingSearchResult>;
  };
  /** The runtime client of a composed marketplace; throws `NotFoundError` for an unknown id. */
  marketplace(marketplaceId: string): MarketplaceClient;
  /** Ids of the composed marketplaces. */
  readonly marketplaceIds: readonly string[];
  /** Price analysis, comparables, seller optimisation, deal scores and the trained price model. */
  readonly pricing: PricingService;
  /** Notification preferences, the delivery log, digests and the outbox dispatcher. */
  readonly notifications: NotificationsService;
  /** Seller accounts (OAuth connect, encrypted tokens), cross-posting, auto-delist and marketplace webhooks. */
  readonly marketplaces: MarketplacesService;
  /** Deal alert rules, real-time and catch-up matching, and the scout loop. */
  readonly rules: RulesService;
  /** Starts background work: scheduled jobs and the notification dispatcher. */
  start(): Promise<void>;
  /** Stops background work, waits for what is running, and closes what the SDK created itself. */
  close(): Promise<void>;
};

function indexChannels(channels: readonly NotificationChannelV1[]): Map<ChannelKind, NotificationChannelV1> {
  const byKind = new Map<ChannelKind, NotificationChannelV1>();
  for (const channel of channels) {
    if (channel?.specificationVersion !== 'v1') {
      throw new ConfigurationError({
        source: channel?.providerId ?? 'channel',
        message: `channel has specificationVersion '${String(channel?.specificationVersion)}'; this core supports 'v1'`,
      });
    }
    if (byKind.has(channel.channel)) {
      throw new ConfigurationError({
        message: `two channels deliver '${channel.channel}'; compose one per channel kind`,
      });
    }
    byKind.set(channel.channel, channel);
  }
  return byKind;
}

/**
 * Composes Deal Scout from a core and the adapters a host needs. With no arguments it runs fully
 * in memory. Throws `ConfigurationError` for adapters of another contract version, duplicate
 * marketplace ids or channel kinds, and `ValidationError` for invalid settings.
 */
export function createDealScout(config: DealScoutConfig = {}): DealScout {
  if (typeof config !== 'object' || config === null) {
    throw new ConfigurationError({ message: 'createDealScout expects a configuration object' });
  }
  const retry = {
    ...defaultRetryPolicy,
    ...parseInput(RetryPolicySchema, config.retry ?? {}, { subject: 'retry policy', field: 'retry' }),
  };
  const clock = config.clock ?? createSystemClock();
  const logger = withRedaction(config.logger ?? createConsoleLogger());
  const ownsStorage = !config.storage;
  const ownsSearch = !config.search;
  const storage = config.storage ?? createMemoryStorage();
  const search = config.search ?? createMemorySearchIndex();
  const events: DealScoutEmitter = new EventEmitter();
  const jobs =
    config.jobs ??
    createMemoryJobs({
      clock,
      onProgress: ({ job, jobId, fraction, message }) =>
        events.emit('job.progress', { job, jobId, fraction, ...(message ? { message } : {}) }),
    });
  for (const [name, part, expected] of [
    ['storage', storage, 'v1'],
    ['search', search, 'v1'],
    ['jobs', jobs, 'v1'],
  ] as const) {
    if (part?.specificationVersion !== expected) {
      throw new ConfigurationError({
        message: `${name} has specificationVersion '${String(part?.specificationVersion)}'; this core supports 'v1'`,
      });
    }
  }
  const adapters = new Map<string, MarketplaceAdapterV1>();
  const clients = new Map<string, MarketplaceClient>();
  for (const adapter of config.marketplaces ?? []) {
    const client = createMarketplaceClient({ adapter, clock, events, retry });
    if (clients.has(adapter.marketplaceId)) {
      throw new ConfigurationError({ message: `two adapters for marketplace '${adapter.marketplaceId}'` });
    }
    adapters.set(adapter.marketplaceId, adapter);
    clients.set(adapter.marketplaceId, client);
  }
  const channels = indexChannels(config.channels ?? []);
  const stages: IngestStages = { enrich: [], react: [] };

  const context: RuntimeContext = {
    storage,
    search,
    jobs,
    clock,
    logger,
    events,
    marketplaces: adapters,
    channels,
    stages,
    marketplace(marketplaceId) {
      const client = clients.get(marketplaceId);
      if (!client) throw new NotFoundError({ resource: 'marketplace', id: String(marketplaceId) });
      return client;
    },
    ingest: (listings) => ingestListings(context, listings),
    now: () => clock.now().toISOString(),
    reportError(where, error) {
      const wrapped = toDealScoutError(error, 'runtime', where);
      logger.error(`[deal-scout] ${where} failed`, { code: wrapped.code, message: wrapped.message });
      events.emit('error', { error: wrapped, context: where });
    },
  };

  stages.react.push({
    name: 'search-index',
    run: async ({ listings }) => search.index(listings),
  });
  const pricing = createPricingService(context, config.pricing ?? {});
  const notifications = createNotificationsService(context, config.notifications ?? {});
  const marketplaces = createMarketplacesService(context, config.marketplaceAccounts ?? {});
  const rules = createRulesService(context, config.rules ?? {});

  let started = false;
  const subscribe = <K extends keyof DealScoutEvents>(event: K, listener: Listener<K>, once: boolean) => {
    const typed = listener as unknown as (payload: unknown) => void;
    if (once) events.once(event, typed as never);
    else events.on(event, typed as never);
    return () => {
      events.off(event, typed as never);
    };
  };

  return {
    storage,
    search,
    jobs,
    clock,
    logger,
    on: (event, listener) => subscribe(event, listener, false),
    once: (event, listener) => subscribe(event, listener, true),
    ingest: context.ingest,
    listings: {
      async get(id) {
        const listingId = parseInput(z.string().min(1).max(240), id, {
          subject: 'listing id',
          field: 'listingId',
        });
        const listing = await storage.listings.get(listingId);
        if (!listing) throw new NotFoundError({ resource: 'listing', id: listingId });
        return listing;
      },
      async priceHistory(id) {
        const listingId = parseInput(z.string().min(1).max(240), id, {
          subject: 'listing id',
          field: 'listingId',
        });
        return storage.listings.priceHistory(listingId);
      },
      search: (query) => searchListings(context, query),
    },
    marketplace: context.marketplace,
    marketplaceIds: [...clients.keys()],
    pricing,
    notifications,
    marketplaces,
    rules,
    async start() {
      if (started) return;
      started = true;
      await rules.start();
      await notifications.start();
      await jobs.start();
    },
    async close() {
      await notifications.stop();
      marketplaces.close();
      if (started) await jobs.stop();
      started = false;
      if (ownsSearch) await search.close?.();
      if (ownsStorage) await storage.close?.();
      events.removeAllListeners();
    },
  };
}
