import type { ChannelMessageV1, ChannelRecipientV1 } from '../../channel/v1/notification-channel-v1';
import { createId } from '../../shared/ids';
import type { ChannelKind } from '../channel-kind';
import type { NotificationPreferences } from '../notification-preferences';
import type { NotificationsDeps } from '../notifications-deps';
import type { OutboxEntry } from '../outbox-entry';
import { quietHoursRelease } from '../policy/quiet-hours';
import { applyPermanentFailure } from './apply-permanent-failure';
import { backoffDelayMs } from './backoff';
import { createChannelQueues } from './channel-queues';
import { classifyFailure, type DeliveryFailure } from './classify-failure';
import { OutboxPayloadSchema } from './outbox-payload';
import { resolveRecipient } from './resolve-recipient';

/** The outbox dispatcher. */
export type Dispatcher = {
  /** This dispatcher's lease id in the outbox. */
  readonly workerId: string;
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops claiming, waits for sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Wakes the loop now (after new entries were enqueued). */
  wake(): void;
  /**
   * Claims what is due now on every channel (up to each queue's target), sends it and records
   * the outcomes; resolves when those sends are settled. Returns how many entries it claimed.
   */
  runOnce(): Promise<number>;
  /** Calls `runOnce` until nothing is due (for tests and shutdown). Returns how many were claimed. */
  drain(): Promise<number>;
};

/**
 * The dispatcher: claims due outbox entries under a lease, sends each through its channel's
 * queue (concurrency and rate limits from the channel), and records the outcome. A transient
 * failure is retried with backoff; a permanent one fails the entry and updates preferences.
 * Every entry is handled in isolation: nothing about one entry (a malformed payload, a channel
 * that throws oddly, a storage hiccup) stops the others or the loop; it is reported through
 * `context.reportError`.
 *
 * The send uses the outbox entry id as `idempotencyKey`. If the process dies after claiming and
 * before sending, the lease expires and the entry is claimed again; if it dies after the
 * provider accepted a message but before `markSent`, the retry sends the same key, which channels
 * with `capabilities.idempotentSends` deduplicate — others may deliver that message twice.
 */
export function createDispatcher(deps: NotificationsDeps): Dispatcher {
  const { context, settings } = deps;
  const { clock, storage } = context;
  const workerId = settings.workerId ?? createId('dispatcher');
  const queues = createChannelQueues(context.channels, settings.leaseMs);
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: ((force?: boolean) => void) | null = null;

  const fail = async (
    entry: OutboxEntry,
    reason: Parameters<typeof emitFailed>[1],
    error: Parameters<typeof emitFailed>[2],
    message: string,
  ) => {
    const recorded = await storage.outbox.markFailed(entry.id, {
      workerId,
      now: context.now(),
      error: message,
    });
    if (recorded) emitFailed(entry, reason, error);
  };
  const emitFailed = (
    entry: OutboxEntry,
    reason:
      | 'recipient_opted_out'
      | 'invalid_recipient'
      | 'endpoint_gone'
      | 'rejected'
      | 'max_attempts'
      | 'recipient_removed'
      | 'bad_payload',
    error: ReturnType<typeof classifyFailure>['error'] | null,
  ) => {
    context.events.emit('notification.failed', {
      id: entry.id,
      userId: entry.userId,
      channel: entry.channel,
      attempts: entry.attempts,
      reason,
      error,
    });
  };

  async function deliver(entry: OutboxEntry): Promise<void> {
    const queue = queues.get(entry.channel);
    // The lease ran out while the entry waited: another worker may hold it now, so leave it.
    if (!queue || (entry.claimExpiresAt !== null && entry.claimExpiresAt <= context.now())) return;
    const parsed = OutboxPayloadSchema.safeParse(entry.payload);
    if (!parsed.success) {
      context.reportError(`notifications outbox entry ${entry.id}`, parsed.error);
      return fail(entry, 'bad_payload', null, 'payload is not a notification the SDK can send');
    }
    const payload = parsed.data;
    // Cached for a second: the dispatcher reads them for every message it sends.
    const preferences = await deps.preferences.get(entry.userId, { maxAgeMs: 1000 });
    const recipient = resolveRecipient(entry.channel, preferences, payload);
    // Deal alerts and digests need the channel chosen; transactional messages only the address.
    const alerting = payload.kind === 'deal_alert' || payload.kind === 'digest';
    const channelOff = alerting && !preferences.channels.includes(entry.channel);
    if (!recipient || channelOff) {
      return fail(entry, 'recipient_removed', null, 'the user no longer has this channel or address');
    }
    const message: ChannelMessageV1 = { ...payload.message, recipient };
    let result: { readonly providerMessageId: string | null };
    try {
      result = await queue.channel.doSend(message, { idempotencyKey: entry.id });
    } catch (thrown) {
      return handleFailure(
        entry,
        payload.critical,
        preferences,
        recipient,
        classifyFailure(thrown, queue.channel.providerId),
      );
    }
    // Recording is kept apart from sending: if it fails, the entry must not be released for a
    // quick retry; its lease runs out and the retry reuses the idempotency key.
    const recorded = await storage.outbox.markSent(entry.id, {
      workerId,
      now: context.now(),
      providerMessageId: result.providerMessageId,
    });
    if (!recorded) {
      context.logger.warn('[deal-scout] notification sent after its lease was taken over', { id: entry.id });
      return;
    }
    context.events.emit('notification.sent', {
      id: entry.id,
      userId: entry.userId,
      channel: entry.channel,
      attempts: entry.attempts,
      providerMessageId: result.providerMessageId,
    });
  }

  async function handleFailure(
    entry: OutboxEntry,
    critical: boolean,
    preferences: NotificationPreferences,
    recipient: ChannelRecipientV1,
    failure: DeliveryFailure,
  ): Promise<void> {
    if (failure.kind !== 'transient') {
      await fail(entry, failure.kind, failure.error, failure.error.message);
      await applyPermanentFailure(deps, {
        kind: failure.kind,
        userId: entry.userId,
        channel: entry.channel,
        recipient,
      });
      return;
    }
    if (entry.attempts >= settings.maxAttempts) {
      return fail(entry, 'max_attempts', failure.error, failure.error.message);
    }
    const delayMs = backoffDelayMs(entry.attempts, {
      baseMs: settings.baseRetryDelayMs,
      maxMs: settings.maxRetryDelayMs,
      retryAfterMs: failure.retryAfterMs,
      ...(settings.random ? { random: settings.random } : {}),
    });
    const now = clock.now();
    // A retry must not land in quiet hours either.
    const { deliverAt } = quietHoursRelease(new Date(now.getTime() + delayMs), preferences, critical);
    const released = await storage.outbox.release(entry.id, {
      workerId,
      now: now.toISOString(),
      availableAt: deliverAt.toISOString(),
      error: failure.error.message,
    });
    if (released) {
      // This process knows when the retry is due: claim it then rather than at the next poll.
      if (running) scheduleRetryFill(entry.channel, deliverAt.getTime());
      context.events.emit('notification.retry_scheduled', {
        id: entry.id,
        userId: entry.userId,
        channel: entry.channel,
        attempt: entry.attempts,
        delayMs: deliverAt.getTime() - now.getTime(),
        error: failure.error,
      });
    }
  }

  function track(entry: OutboxEntry): Promise<void> {
    const queue = queues.get(entry.channel);
    const task = (queue ? queue.queue.add(() => deliver(entry)) : deliver(entry))
      .catch((error: unknown) => context.reportError(`notifications dispatch of ${entry.id}`, error))
      .finally(() => {
        inFlight.delete(task);
        wakeUp?.();
      });
    inFlight.add(task);
    return task;
  }

  /**
   * Channels whose last claim came back full, so more may be due: the loop refills them as soon
   * as their queue is half empty, without waiting for the slower channels.
   */
  const hungry = new Set<ChannelKind>(queues.keys());
  /** Channels to claim for on the next pass (a poll, a wake, a retry coming due). */
  const toFill = new Set<ChannelKind>(queues.keys());
  const lowOnWork = (kind: ChannelKind) => {
    const queue = queues.get(kind);
    return queue !== undefined && queue.queue.size <= queue.target / 2;
  };
  /** Most entries one claim takes; a channel needing more is refilled on the next pass. */
  const maxClaim = 250;
  const hungryAndLow = () => [...hungry].filter(lowOnWork);
  /** Wakes the loop to claim for `kinds` (all channels by default). */
  const requestFill = (kinds: Iterable<ChannelKind> = queues.keys()) => {
    for (const kind of kinds) toFill.add(kind);
    wakeUp?.(true);
  };

  /**
   * One timer per channel for the earliest known retry; retries due within one rate-limit
   * interval of it are claimed by the same pass, so a burst of failures costs one claim, not one
   * per failure.
   */
  const retryDue = new Map<ChannelKind, { at: number; later: number[]; cancel: () => void }>();
  function scheduleRetryFill(kind: ChannelKind, at: number): void {
    const current = retryDue.get(kind);
    if (current && current.at <= at) {
      current.later.push(at);
      return;
    }
    current?.cancel();
    const later = current ? [current.at, ...current.later] : [];
    const slack = Math.max(10, queues.get(kind)?.channel.limits.intervalMs ?? 0);
    const cancel = clock.setTimeout(
      () => {
        retryDue.delete(kind);
        requestFill([kind]);
        const nowMs = clock.now().getTime();
        const next = later.filter((due) => due > nowMs);
        if (next.length === 0) return;
        // Everything due before the next pass is claimed by it.
        const fireAt = Math.max(Math.min(...next), nowMs + slack);
        scheduleRetryFill(kind, fireAt);
        for (const due of next) if (due > fireAt) retryDue.get(kind)?.later.push(due);
      },
      Math.max(0, at - clock.now().getTime()),
    );
    retryDue.set(kind, { at, later, cancel });
  }

  async function fill(kinds: Iterable<ChannelKind> = queues.keys()): Promise<OutboxEntry[]> {
    const claimed: OutboxEntry[] = [];
    let first = true;
    for (const kind of kinds) {
      const queue = queues.get(kind);
      if (!queue) continue;
      // Claims are capped (storage contracts page at most 1,000 rows per call, and smaller
      // claims start sending sooner) and the event loop gets a turn between channels, so a large
      // claim for one channel does not hold up sends already queued on the others.
      const room = Math.min(maxClaim, queue.target - (queue.queue.size + queue.queue.pending));
      if (room <= 0) continue;
      if (!first) await new Promise<void>((resolve) => setImmediate(resolve));
      first = false;
      try {
        const entries = await storage.outbox.claim({
          workerId,
          now: context.now(),
          leaseMs: settings.leaseMs,
          limit: room,
          channels: [kind],
        });
        for (const entry of entries) track(entry);
        claimed.push(...entries);
        if (entries.length === room) hungry.add(kind);
        else hungry.delete(kind);
      } catch (error) {
        context.reportError(`notifications claim (${kind})`, error);
      }
    }
    return claimed;
  }

  async function runLoop(): Promise<void> {
    while (running) {
      // Claiming is a storage query: only for channels that may have work, not on every wake.
      const kinds = new Set([...toFill, ...hungryAndLow()]);
      toFill.clear();
      await fill(kinds);
      if (!running) break;
      if (hungryAndLow().length > 0 || toFill.size > 0) continue;
      // Wait until a channel with more work runs low, new work arrives (wake), a retry comes
      // due, or the poll interval passes (entries another process wrote, quiet hours ending).
      await new Promise<void>((resolve) => {
        const cancel = clock.setTimeout(() => {
          for (const kind of queues.keys()) toFill.add(kind);
          done();
        }, settings.pollIntervalMs);
        const done = () => {
          cancel();
          wakeUp = null;
          resolve();
        };
        wakeUp = (force) => {
          if (force || hungryAndLow().length > 0) done();
        };
      });
    }
  }

  const dispatcher: Dispatcher = {
    workerId,
    start() {
      if (running) return;
      running = true;
      loop = runLoop().catch((error: unknown) => context.reportError('notifications dispatcher', error));
    },
    async stop() {
      running = false;
      for (const { cancel } of retryDue.values()) cancel();
      retryDue.clear();
      wakeUp?.(true);
      await loop;
      loop = null;
      await Promise.allSettled([...inFlight]);
    },
    wake() {
      requestFill();
    },
    async runOnce() {
      const claimed = await fill();
      await Promise.allSettled([...inFlight]);
      return claimed.length;
    },
    async drain() {
      let total = 0;
      for (;;) {
        const claimed = await dispatcher.runOnce();
        total += claimed;
        if (claimed === 0) return total;
      }
    },
  };
  return dispatcher;
}
