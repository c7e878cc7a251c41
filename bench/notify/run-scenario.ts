import {
  bucketKey,
  type ChannelKind,
  type ChannelLimitsV1,
  createDealScout,
  createMemoryStorage,
  type DigestBucket,
  dueDigests,
  type OutboxEntry,
  silentLogger,
} from '@deal-scout/core';
import PQueue from 'p-queue';
import { type BenchChannel, createBenchChannel } from './bench-channel';
import type { ExpectedOutcomes } from './expected-outcomes';
import { createRandom, type Workload } from './generate-workload';

/** Per-channel result of one run. */
export type ChannelResult = {
  /** Time in the busy window when every unsent message was waiting out a retry backoff. */
  waitingOnBackoffMs?: number;
  /** Attempts ÷ what the limits allow over the busy window minus `waitingOnBackoffMs`. */
  utilizationWhileDue?: number;
  channel: ChannelKind;
  attempts: number;
  delivered: number;
  failures: number;
  busyMs: number;
  /** From the start of the dispatch phase to the channel's first attempt. */
  firstAttemptMs: number;
  /** Attempts ÷ what the limits allow in the busy window. */
  utilization: number;
};

export type ScenarioResult = {
  policyMs: number;
  policyMatchesPerSecond: number;
  dispatchMs: number;
  channels: ChannelResult[];
  /** Attempts ÷ capacity while messages were due (backoff-only waits excluded). */
  rateLimitUtilization: number;
  /** Attempts ÷ capacity over the whole busy windows, backoff waits included. */
  rateLimitUtilizationRaw: number;
  duplicates: number;
  lost: number;
  lostBreakdown: { due: number; deferred: number; digest: number };
};

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

/**
 * Utilization of a channel: attempts against the starts its limits allow over its busy window,
 * from its first attempt to its last (`firstAttemptMs` after `t0` is reported separately).
 */
export function utilizationOf(starts: readonly number[], limits: ChannelLimitsV1, t0: number) {
  if (starts.length === 0) return { busyMs: 0, firstAttemptMs: 0, utilization: 0 };
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const busyMs = last - first;
  const capacity = limits.intervalCap * (1 + Math.floor(busyMs / limits.intervalMs));
  return { busyMs, firstAttemptMs: first - t0, utilization: starts.length / capacity };
}

/**
 * How long, between `from` and `to`, none of a channel's `due` messages could be sent because
 * every one still unsent was waiting out a retry backoff (the limits cannot be used then).
 */
export function idleWhileBackingOff(
  due: number,
  events: ReadonlyArray<{ at: number; change: number }>,
  from: number,
  to: number,
): number {
  let sendable = due;
  let idle = 0;
  let idleSince: number | null = null;
  for (const { at, change } of [...events].sort((a, b) => a.at - b.at)) {
    const clamped = Math.min(Math.max(at, from), to);
    if (idleSince !== null && sendable + change > 0) {
      idle += clamped - idleSince;
      idleSince = null;
    }
    sendable += change;
    // Nothing sendable while some are still coming back from backoff: waiting, not wasting.
    if (sendable === 0 && idleSince === null && events.some((event) => event.change > 0 && event.at > at)) {
      idleSince = clamped;
    }
  }
  return idle;
}

/** Baseline: the same number of sends straight through p-queues with the same limits, no outbox. */
export async function runBaseline(
  counts: Map<ChannelKind, number>,
  limits: Record<ChannelKind, ChannelLimitsV1>,
  latencyMs: Record<ChannelKind, number>,
): Promise<ChannelResult[]> {
  const random = createRandom(99);
  const t0 = performance.now();
  const results = await Promise.all(
    [...counts].map(async ([channel, count]) => {
      const bench = createBenchChannel({
        channel,
        limits: limits[channel],
        latencyMs: latencyMs[channel],
        failureRate: 0,
        retryAfterMs: 0,
        random,
      });
      const queue = new PQueue({
        concurrency: limits[channel].concurrency,
        intervalCap: limits[channel].intervalCap,
        interval: limits[channel].intervalMs,
        strict: true,
      });
      for (let i = 0; i < count; i++) {
        void queue.add(() =>
          bench.doSend(
            { recipient: { kind: 'email', email: 'x@example.com' }, text: 'x' },
            { idempotencyKey: String(i) },
          ),
        );
      }
      await queue.onIdle();
      const { busyMs, firstAttemptMs, utilization } = utilizationOf(bench.attemptStarts, limits[channel], t0);
      return {
        channel,
        attempts: bench.attemptStarts.length,
        delivered: bench.deliveries.size,
        failures: 0,
        busyMs,
        firstAttemptMs,
        utilization,
      };
    }),
  );
  return results;
}

/**
 * One run: every match through the delivery policy into the outbox (concurrently, 64 at a time),
 * then the dispatcher loop drains the outbox to the bench channels. Counts duplicates (a dedupe
 * key delivered more than once) and losses (a key due now not delivered, a deferred key not
 * pending, a digest deal missing).
 */
export async function runScenario(options: {
  readonly name: string;
  readonly workload: Workload;
  readonly expected: ExpectedOutcomes;
  readonly limits: Record<ChannelKind, ChannelLimitsV1>;
  readonly latencyMs: Record<ChannelKind, number>;
  readonly failureRate: number;
  readonly retryAfterMs: number;
  /** First retry backoff (the SDK default of 1 s, scaled). */
  readonly baseRetryDelayMs: number;
  readonly timeoutMs: number;
}): Promise<ScenarioResult> {
  const random = createRandom(options.failureRate > 0 ? 2 : 1);
  const channels = new Map<ChannelKind, BenchChannel>(
    (['email', 'push', 'sms', 'discord'] as const).map((channel) => [
      channel,
      createBenchChannel({
        channel,
        limits: options.limits[channel],
        latencyMs: options.latencyMs[channel],
        failureRate: options.failureRate,
        retryAfterMs: options.retryAfterMs,
        random,
      }),
    ]),
  );
  const storage = createMemoryStorage();
  const scout = createDealScout({
    storage,
    logger: silentLogger,
    channels: [...channels.values()],
    notifications: {
      unsubscribeUrl: ({ userId, list }) => `https://app.example/unsubscribe/${userId}/${list}`,
      pollIntervalMs: 100,
      baseRetryDelayMs: options.baseRetryDelayMs,
      maxRetryDelayMs: options.baseRetryDelayMs * 60,
      maxAttempts: 20,
    },
  });
  const errors: unknown[] = [];
  scout.on('error', (event) => errors.push(event.error));
  // When each channel's messages left the set of sendable work (sent, or backing off) and came back.
  const timeline = new Map<ChannelKind, Array<{ at: number; change: number }>>();
  const mark = (channel: ChannelKind, at: number, change: number) =>
    timeline.set(channel, [...(timeline.get(channel) ?? []), { at, change }]);
  scout.on('notification.sent', (event) => mark(event.channel, performance.now(), -1));
  scout.on('notification.retry_scheduled', (event) => {
    const at = performance.now();
    mark(event.channel, at, -1);
    mark(event.channel, at + event.delayMs, +1);
  });
  for (const prefs of options.workload.preferences) await storage.preferences.put(prefs);
  await storage.listings.upsertMany(options.workload.listings, { now: new Date().toISOString() });

  log(`[${options.name}] policy: ${options.workload.matches.length} alert matches → outbox`);
  const policyStart = performance.now();
  const queue = new PQueue({ concurrency: 64 });
  options.workload.matches.forEach(({ rule: r, listing: l }, index) => {
    const rule = options.workload.rules[r]!;
    const listing = options.workload.listings[l]!;
    void queue.add(() =>
      scout.notifications.handleAlertMatch({
        match: {
          id: `m-${index}`,
          ruleId: rule.id,
          userId: rule.userId,
          listingId: listing.id,
          matchedAt: new Date().toISOString(),
          reasons: [],
          source: 'realtime',
        },
        rule,
        listing,
      }),
    );
  });
  await queue.onIdle();
  const policyMs = performance.now() - policyStart;

  const dueTotal = [...options.expected.dueNow.values()].reduce((sum, keys) => sum + keys.size, 0);
  log(`[${options.name}] dispatch: ${dueTotal} notifications due now`);
  // Collect the policy phase's garbage first, so its GC pauses are not charged to the dispatcher.
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  scout.notifications.dispatcher.start();
  const delivered = () => [...channels.values()].reduce((sum, channel) => sum + channel.deliveries.size, 0);
  let lastReport = t0;
  while (delivered() < dueTotal && performance.now() - t0 < options.timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      const parts = [...channels].map(
        ([kind, channel]) => `${kind} ${channel.deliveries.size}/${options.expected.dueNow.get(kind)?.size}`,
      );
      log(`[${options.name}]   ${((delivered() / dueTotal) * 100).toFixed(0)}%  ${parts.join('  ')}`);
    }
  }
  const dispatchMs = performance.now() - t0;
  // Let anything still in flight finish, so a late duplicate would be counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await scout.notifications.dispatcher.stop();

  const entries: OutboxEntry[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await storage.outbox.list({ limit: 1000, cursor });
    entries.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const byKey = new Map(entries.map((entry) => [entry.dedupeKey, entry]));
  let duplicates = 0;
  const deliveredKeys = new Set<string>();
  for (const entry of entries) {
    const times = channels.get(entry.channel)?.deliveries.get(entry.id) ?? 0;
    if (times > 0) deliveredKeys.add(entry.dedupeKey);
    duplicates += Math.max(0, times - 1);
  }
  // Two outbox entries for one dedupe key would be a duplicate too (the outbox must refuse it).
  duplicates += entries.length - byKey.size;
  let lostDue = 0;
  for (const keys of options.expected.dueNow.values())
    for (const key of keys) if (!deliveredKeys.has(key)) lostDue++;
  let lostDeferred = 0;
  for (const key of options.expected.deferred) if (byKey.get(key)?.status !== 'pending') lostDeferred++;
  const found = new Map<string, number>();
  for (const digest of await dueDigests(storage.state, '9999-12-31T00:00:00.000Z')) {
    const bucket = (await storage.state.get(bucketKey(digest.userId, digest.period)))?.value as
      | DigestBucket
      | undefined;
    found.set(
      digest.userId,
      (found.get(digest.userId) ?? 0) + (bucket ? bucket.items.length + bucket.overflow : 0),
    );
  }
  let lostDigest = 0;
  for (const [userId, count] of options.expected.digestItems)
    lostDigest += Math.max(0, count - (found.get(userId) ?? 0));
  if (errors.length > 0)
    log(`[${options.name}] ${errors.length} background errors, first: ${String(errors[0])}`);
  await scout.close();

  const results: ChannelResult[] = [...channels].map(([channel, bench]) => {
    const base = utilizationOf(bench.attemptStarts, options.limits[channel], t0);
    const first = Math.min(...bench.attemptStarts);
    const last = Math.max(...bench.attemptStarts);
    const waitingOnBackoffMs = idleWhileBackingOff(
      options.expected.dueNow.get(channel)?.size ?? 0,
      timeline.get(channel) ?? [],
      first,
      last,
    );
    const limits = options.limits[channel];
    const capacity =
      limits.intervalCap * (1 + Math.floor((last - first - waitingOnBackoffMs) / limits.intervalMs));
    return {
      channel,
      attempts: bench.attemptStarts.length,
      delivered: bench.deliveries.size,
      failures: bench.failures,
      ...base,
      waitingOnBackoffMs,
      utilizationWhileDue: bench.attemptStarts.length === 0 ? 0 : bench.attemptStarts.length / capacity,
    };
  });
  const attempts = results.reduce((sum, result) => sum + result.attempts, 0);
  const capacityOf = (value: (result: ChannelResult) => number) =>
    results.reduce((sum, result) => sum + (result.attempts === 0 ? 0 : result.attempts / value(result)), 0);
  return {
    policyMs,
    policyMatchesPerSecond: options.workload.matches.length / (policyMs / 1000),
    dispatchMs,
    channels: results,
    rateLimitUtilization: attempts / capacityOf((result) => result.utilizationWhileDue ?? result.utilization),
    rateLimitUtilizationRaw: attempts / capacityOf((result) => result.utilization),
    duplicates,
    lost: lostDue + lostDeferred + lostDigest,
    lostBreakdown: { due: lostDue, deferred: lostDeferred, digest: lostDigest },
  };
}
