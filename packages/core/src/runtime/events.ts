import type { AutoDelistResult, CrossPostTargetResult } from '../accounts/cross-post-result';
import type { DealScoutError } from '../errors/deal-scout-error';
import type { Listing, ListingStatus } from '../listing/listing';
import type { MarketplaceAccountView } from '../listing/marketplace-account';
import type { Money } from '../listing/money';
import type { ChannelKind } from '../notifications/channel-kind';
import type { AlertMatch } from '../rules/alert-match';
import type { DealAlertRule } from '../rules/deal-alert-rule';

/** The summary of one `scout.ingest` call. */
export type IngestSummary = {
  readonly received: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly priceChanged: number;
  readonly rejected: number;
};

/**
 * Every event the SDK emits, by name, with its payload. Payloads never carry secrets (tokens,
 * signatures, passwords).
 */
export type DealScoutEvents = {
  /** A listing was stored for the first time. */
  'listing.created': { readonly listing: Listing };
  /** A stored listing changed (any field). */
  'listing.updated': { readonly listing: Listing };
  /** A stored listing's price changed. */
  'listing.price_changed': { readonly listing: Listing; readonly previousPrice: Money };
  /** A stored listing's status changed (`active` → `sold`). */
  'listing.status_changed': { readonly listing: Listing; readonly previousStatus: ListingStatus };
  /** One item of an ingest batch was invalid and was skipped; the rest of the batch went on. */
  'listing.rejected': { readonly index: number; readonly id: string | null; readonly error: DealScoutError };
  /** An ingest batch finished. */
  'ingest.completed': IngestSummary;
  /** A listing matched a rule (once per rule × listing, ever). */
  'alert.matched': { readonly match: AlertMatch; readonly rule: DealAlertRule; readonly listing: Listing };
  /** An adapter call failed with a retryable error and will be retried after `delayMs`. */
  'adapter.retry': {
    readonly source: string;
    readonly operation: string;
    readonly attempt: number;
    readonly delayMs: number;
    readonly error: DealScoutError;
  };
  /** A background job reported progress or finished. */
  'job.progress': {
    readonly job: string;
    readonly jobId: string;
    readonly fraction: number;
    readonly message?: string;
  };
  /** A notification was written to the outbox (`deferred`: held back by quiet hours). */
  'notification.enqueued': {
    readonly id: string;
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly kind: 'deal_alert' | 'digest' | 'test' | 'message';
    readonly availableAt: string;
    readonly deferred: boolean;
  };
  /** An alert match produced no notification, and why (`skipped` lists channels left out). */
  'notification.suppressed': {
    readonly userId: string;
    readonly ruleId: string;
    readonly listingId: string;
    readonly reason: 'category_filtered' | 'no_channels' | 'duplicate';
    readonly skipped: ReadonlyArray<{ readonly channel: ChannelKind; readonly reason: string }>;
  };
  /** An alert match was added to a digest (by frequency, or because the daily cap was reached). */
  'notification.digested': {
    readonly userId: string;
    readonly ruleId: string;
    readonly listingId: string;
    readonly period: string;
    readonly reason: 'frequency' | 'daily_cap';
  };
  /** A user's digest for a period was built and written to the outbox. */
  'notification.digest_built': {
    readonly userId: string;
    readonly period: string;
    readonly channels: readonly ChannelKind[];
    readonly deals: number;
  };
  /** A notification was delivered to its provider. */
  'notification.sent': {
    readonly id: string;
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly attempts: number;
    readonly providerMessageId: string | null;
  };
  /** A delivery attempt failed transiently; the notification is retried after `delayMs`. */
  'notification.retry_scheduled': {
    readonly id: string;
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly attempt: number;
    readonly delayMs: number;
    readonly error: DealScoutError;
  };
  /** A notification failed for good. */
  'notification.failed': {
    readonly id: string;
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly attempts: number;
    readonly reason:
      | 'recipient_opted_out'
      | 'invalid_recipient'
      | 'endpoint_gone'
      | 'rejected'
      | 'max_attempts'
      | 'recipient_removed'
      | 'bad_payload';
    readonly error: DealScoutError | null;
  };
  /**
   * A user's notification preferences changed: by the user (`user`), or by the SDK after a
   * provider said an address is dead (`recipient_opted_out` turned SMS off, `endpoint_gone`
   * removed a webhook or push subscription, `invalid_recipient` marked an address invalid).
   */
  'notification.preferences_changed': {
    readonly userId: string;
    readonly reason: 'user' | 'recipient_opted_out' | 'endpoint_gone' | 'invalid_recipient';
    readonly fields: readonly string[];
    readonly channel: ChannelKind | null;
  };
  /** A seller connected (or reconnected) a marketplace account. Never carries tokens. */
  'account.connected': { readonly account: MarketplaceAccountView };
  /**
   * A connected account's status changed: `reauthentication_required` when its token expired
   * with no way to refresh it or the marketplace refused it, `revoked` when the seller withdrew access.
   */
  'account.status_changed': {
    readonly account: MarketplaceAccountView;
    readonly previousStatus: MarketplaceAccountView['status'];
  };
  /** A connected account was removed: by its user, or because the marketplace deleted the account. */
  'account.disconnected': {
    readonly accountId: string;
    readonly userId: string;
    readonly marketplace: string;
    readonly reason: 'user' | 'marketplace_deleted';
  };
  /** A cross-post finished; one result per target marketplace. */
  'crosspost.completed': {
    readonly sellerId: string;
    readonly sku: string;
    readonly results: readonly CrossPostTargetResult[];
  };
  /** An item sold on one marketplace and its other listings were withdrawn (where the adapter can). */
  'crosspost.delisted': {
    readonly sellerId: string;
    readonly sku: string;
    readonly soldOn: string;
    readonly results: readonly AutoDelistResult[];
  };
  /** Something failed in the background (a job, a reaction to ingest); the SDK kept running. */
  error: { readonly error: DealScoutError; readonly context: string };
};

export type DealScoutEventName = keyof DealScoutEvents;
