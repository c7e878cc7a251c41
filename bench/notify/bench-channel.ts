import {
  type ChannelKind,
  type ChannelLimitsV1,
  type NotificationChannelV1,
  NotificationDeliveryError,
} from '@deal-scout/core';

/** A recording channel with provider-like latency and injectable transient failures. */
export type BenchChannel = NotificationChannelV1 & {
  /** Start time (performance.now()) of every send attempt. */
  readonly attemptStarts: number[];
  /** Successful deliveries per idempotency key (the outbox id). */
  readonly deliveries: Map<string, number>;
  failures: number;
};

/**
 * A channel that answers after `latencyMs` (± 50%) and, with probability `failureRate`, throws a
 * transient `NotificationDeliveryError` (one in five with a Retry-After of `retryAfterMs`). It does
 * not deduplicate by idempotency key (`idempotentSends: false`), so a second send is counted.
 */
export function createBenchChannel(options: {
  readonly channel: ChannelKind;
  readonly limits: ChannelLimitsV1;
  readonly latencyMs: number;
  readonly failureRate: number;
  readonly retryAfterMs: number;
  readonly random: () => number;
}): BenchChannel {
  const attemptStarts: number[] = [];
  const deliveries = new Map<string, number>();
  let counter = 0;
  const channel: BenchChannel = {
    specificationVersion: 'v1',
    channel: options.channel,
    providerId: `bench-${options.channel}`,
    capabilities: { idempotentSends: false, html: true, images: true },
    limits: options.limits,
    attemptStarts,
    deliveries,
    failures: 0,
    async doSend(_message, { idempotencyKey }) {
      attemptStarts.push(performance.now());
      const latency = options.latencyMs * (0.5 + options.random());
      await new Promise((resolve) => setTimeout(resolve, latency));
      if (options.random() < options.failureRate) {
        channel.failures++;
        throw new NotificationDeliveryError({
          message: 'injected transient failure',
          source: channel.providerId,
          kind: 'transient',
          status: 503,
          retryAfterMs: options.random() < 0.2 ? options.retryAfterMs : null,
        });
      }
      deliveries.set(idempotencyKey, (deliveries.get(idempotencyKey) ?? 0) + 1);
      return { providerMessageId: `${channel.providerId}-${++counter}` };
    },
  };
  return channel;
}
