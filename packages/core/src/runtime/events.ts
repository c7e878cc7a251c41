import type { DealScoutError } from '../errors/deal-scout-error';
import type { Listing, ListingStatus } from '../listing/listing';
import type { Money } from '../listing/money';
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
  /** Something failed in the background (a job, a reaction to ingest); the SDK kept running. */
  error: { readonly error: DealScoutError; readonly context: string };
};

export type DealScoutEventName = keyof DealScoutEvents;
