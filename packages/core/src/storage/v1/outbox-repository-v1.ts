import type { ChannelKind } from '../../notifications/channel-kind';
import type { NewOutboxEntry, OutboxEntry, OutboxStatus } from '../../notifications/outbox-entry';
import type { PageRequestV1, PageV1 } from './page-v1';

/** The durable notification outbox. */
export type OutboxRepositoryV1 = {
  /**
   * Writes entries as `pending`, skipping any whose `dedupeKey` exists; returns the ones written.
   * Atomic per call.
   */
  enqueueMany(entries: readonly NewOutboxEntry[], options: { readonly now: string }): Promise<OutboxEntry[]>;
  /**
   * Claims up to `limit` entries that are `pending` with `availableAt <= now`, or `claimed` with an
   * expired lease, oldest `availableAt` first, and leases them to `workerId` until
   * `now + leaseMs`. Two concurrent claims never return the same entry. Each claim counts one
   * attempt (`attempts + 1`); ties in `availableAt` go by `createdAt`, then id.
   */
  claim(options: {
    readonly workerId: string;
    readonly now: string;
    readonly leaseMs: number;
    readonly limit: number;
    readonly channels?: readonly ChannelKind[];
  }): Promise<OutboxEntry[]>;
  /** Records a successful send; only the current lease holder may. Returns false if it lost the lease. */
  markSent(
    id: string,
    options: { readonly workerId: string; readonly now: string; readonly providerMessageId: string | null },
  ): Promise<boolean>;
  /** Returns a claimed entry to `pending` at `availableAt` after a retryable failure. */
  release(
    id: string,
    options: {
      readonly workerId: string;
      readonly now: string;
      readonly availableAt: string;
      readonly error: string;
    },
  ): Promise<boolean>;
  /** Marks a claimed entry permanently `failed`. */
  markFailed(
    id: string,
    options: { readonly workerId: string; readonly now: string; readonly error: string },
  ): Promise<boolean>;
  /** Cancels pending entries of a user on a channel (the channel was turned off); returns how many. */
  cancelPending(options: {
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly now: string;
  }): Promise<number>;
  get(id: string): Promise<OutboxEntry | null>;
  /** Entries for the delivery log, newest `updatedAt` first. */
  list(
    query: PageRequestV1 & { readonly userId?: string; readonly statuses?: readonly OutboxStatus[] },
  ): Promise<PageV1<OutboxEntry>>;
};
