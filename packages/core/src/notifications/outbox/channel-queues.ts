import PQueue from 'p-queue';
import type { NotificationChannelV1 } from '../../channel/v1/notification-channel-v1';
import type { ChannelKind } from '../channel-kind';

/** One channel's send queue and how many claimed entries it should hold. */
export type ChannelQueue = {
  readonly channel: NotificationChannelV1;
  readonly queue: PQueue;
  /** Entries to keep claimed and waiting: about a second of sends, within half a lease. */
  readonly target: number;
};

/**
 * A p-queue per channel, with the channel's declared `limits`: `concurrency` sends in flight and
 * at most `intervalCap` starts in any `intervalMs` (sliding window, `strict`, since providers
 * count that way).
 */
export function createChannelQueues(
  channels: ReadonlyMap<ChannelKind, NotificationChannelV1>,
  leaseMs: number,
): Map<ChannelKind, ChannelQueue> {
  const queues = new Map<ChannelKind, ChannelQueue>();
  for (const [kind, channel] of channels) {
    const { concurrency, intervalCap, intervalMs } = channel.limits;
    const perMs = intervalCap / Math.max(1, intervalMs);
    const target = Math.max(
      1,
      Math.min(
        2000,
        Math.floor(perMs * leaseMs * 0.5),
        Math.max(2 * concurrency, 2 * intervalCap, Math.ceil(perMs * 1000)),
      ),
    );
    const queue = new PQueue({
      concurrency: Math.max(1, concurrency),
      ...(intervalMs > 0 && intervalCap > 0 ? { intervalCap, interval: intervalMs, strict: true } : {}),
    });
    queues.set(kind, { channel, queue, target });
  }
  return queues;
}
