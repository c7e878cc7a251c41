import EventEmitter from 'eventemitter3';
import type { NotificationChannelV1 } from '../../channel/v1/notification-channel-v1';
import type { Listing } from '../../listing/listing';
import { ListingSchema } from '../../listing/listing';
import {
  createRecordingChannel,
  type RecordingChannel,
  type RecordingChannelSettings,
} from '../../memory/channel';
import { createMemoryJobs } from '../../memory/jobs';
import { createManualClock, type ManualClock } from '../../memory/manual-clock';
import { createMemorySearchIndex } from '../../memory/search';
import { createMemoryStorage } from '../../memory/storage';
import type { AlertMatch } from '../../rules/alert-match';
import { type DealAlertRule, DealAlertRuleSchema } from '../../rules/deal-alert-rule';
import type { DealScoutEvents } from '../../runtime/events';
import { silentLogger } from '../../runtime/logger';
import type { DealScoutEmitter, RuntimeContext } from '../../runtime/runtime-context';
import type { StorageV1 } from '../../storage/v1/storage-v1';
import type { ChannelKind } from '../channel-kind';
import { createNotificationsService, type NotificationsService } from '../create-notifications-service';
import type { NotificationPreferencesInput } from '../notification-preferences';
import { NotificationPreferencesSchema } from '../notification-preferences';
import type { NotificationsSettings } from '../notifications-settings';

/** A valid Discord webhook URL for tests (the token is made up). */
export const testWebhookUrl = `https://discord.com/api/webhooks/123456789012345678/${'a'.repeat(68)}`;

/** A runtime context on in-memory parts with recording channels and a manual clock, for tests. */
export type NotificationsHarness = {
  readonly clock: ManualClock;
  readonly storage: StorageV1;
  readonly context: RuntimeContext;
  readonly channels: Record<ChannelKind, RecordingChannel>;
  readonly service: NotificationsService;
  /** Every event emitted, in order. */
  readonly events: Array<{ name: keyof DealScoutEvents; payload: unknown }>;
  readonly errors: Array<{ where: string; error: unknown }>;
  eventsNamed<K extends keyof DealScoutEvents>(name: K): Array<DealScoutEvents[K]>;
  /** Stores preferences for a user (defaults for what is not given). */
  setPreferences(input: Omit<NotificationPreferencesInput, 'updatedAt'>): Promise<void>;
  /** Stores a listing and returns it. */
  listing(id: string, overrides?: Partial<Listing>): Promise<Listing>;
  /** A rule of a user (not stored; the policy only reads what the event carries). */
  rule(userId: string, overrides?: Partial<DealAlertRule>): DealAlertRule;
  /** An `alert.matched` event payload. */
  match(rule: DealAlertRule, listing: Listing): DealScoutEvents['alert.matched'];
};

let sequence = 0;

/** Creates a harness; `channels` says which recording channels to compose (all four by default). */
export function createNotificationsHarness(
  options: {
    readonly start?: string;
    readonly storage?: StorageV1;
    readonly settings?: NotificationsSettings;
    readonly channels?: Partial<Record<ChannelKind, Partial<RecordingChannelSettings>>>;
    readonly workerId?: string;
  } = {},
): NotificationsHarness {
  const clock = createManualClock(options.start ?? '2026-01-05T12:00:00.000Z');
  const storage = options.storage ?? createMemoryStorage();
  const kinds = (
    options.channels ? Object.keys(options.channels) : ['email', 'sms', 'discord', 'push']
  ) as ChannelKind[];
  const channels = {} as Record<ChannelKind, RecordingChannel>;
  const byKind = new Map<ChannelKind, NotificationChannelV1>();
  for (const kind of kinds) {
    const channel = createRecordingChannel({
      channel: kind,
      providerId: `rec-${kind}`,
      ...(options.channels?.[kind] ?? {}),
    });
    channels[kind] = channel;
    byKind.set(kind, channel);
  }
  const events: NotificationsHarness['events'] = [];
  const emitter: DealScoutEmitter = new EventEmitter();
  const emit = emitter.emit.bind(emitter) as (name: string, payload: unknown) => boolean;
  emitter.emit = ((name: keyof DealScoutEvents, payload: unknown) => {
    events.push({ name, payload });
    return emit(name, payload);
  }) as typeof emitter.emit;
  const errors: NotificationsHarness['errors'] = [];
  const context: RuntimeContext = {
    storage,
    search: createMemorySearchIndex(),
    jobs: createMemoryJobs({ clock }),
    clock,
    logger: silentLogger,
    events: emitter,
    marketplaces: new Map(),
    marketplace() {
      throw new Error('no marketplaces in the notifications harness');
    },
    channels: byKind,
    stages: { enrich: [], react: [] },
    ingest: async () => {
      throw new Error('no ingest in the notifications harness');
    },
    now: () => clock.now().toISOString(),
    reportError(where, error) {
      errors.push({ where, error });
    },
  };
  const service = createNotificationsService(context, {
    unsubscribeUrl: ({ userId, list }) =>
      `https://app.example/unsubscribe?u=${encodeURIComponent(userId)}&l=${list}`,
    random: () => 0.5,
    ...(options.workerId ? { workerId: options.workerId } : {}),
    ...options.settings,
  });
  return {
    clock,
    storage,
    context,
    channels,
    service,
    events,
    errors,
    eventsNamed: (name) =>
      events.filter((event) => event.name === name).map((event) => event.payload as never),
    async setPreferences(input) {
      await storage.preferences.put(
        NotificationPreferencesSchema.parse({ ...input, updatedAt: clock.now().toISOString() }),
      );
    },
    async listing(id, overrides = {}) {
      const listing = ListingSchema.parse({
        id: `ebay:${id}`,
        marketplace: 'ebay',
        externalId: id,
        title: `Gaming PC ${id}`,
        price: { amount: 45_000, currency: 'USD' },
        url: `https://www.ebay.com/itm/${id}`,
        images: [`https://i.ebayimg.com/images/${id}.jpg`],
        category: 'computers',
        postedAt: '2026-01-01T00:00:00.000Z',
        dealScore: 0.8,
        ...overrides,
      });
      await storage.listings.upsertMany([listing], { now: clock.now().toISOString() });
      return listing;
    },
    rule(userId, overrides = {}) {
      sequence++;
      return DealAlertRuleSchema.parse({
        id: `rule-${sequence}`,
        userId,
        name: `Alert ${sequence}`,
        keywords: ['gaming pc'],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        ...overrides,
      });
    },
    match(rule, listing) {
      const match: AlertMatch = {
        id: `match-${rule.id}-${listing.id}`,
        ruleId: rule.id,
        userId: rule.userId,
        listingId: listing.id,
        matchedAt: clock.now().toISOString(),
        reasons: ['keyword "gaming pc"'],
        source: 'realtime',
      };
      return { match, rule, listing };
    },
  };
}
