/**
 * Remembers, per webhook, when Discord said its bucket is empty (`X-RateLimit-Remaining: 0` with
 * `X-RateLimit-Reset-After`, or a 429), so the next send to that webhook fails fast with the wait
 * instead of spending a request Discord would refuse: every 429 counts toward Discord's 10,000
 * invalid requests per 10 minutes, past which the IP is banned for a while. Bounded: the oldest
 * entries are forgotten first.
 */
export type DiscordRateLimitMemory = {
  /** Milliseconds to wait before this webhook may be used, or 0. */
  waitMs(webhookId: string): number;
  /** Records the bucket state a response reported. */
  record(
    webhookId: string,
    state: { readonly remaining: number | null; readonly resetAfterMs: number | null },
  ): void;
};

export function createDiscordRateLimitMemory(options: {
  readonly now: () => number;
  readonly maxEntries?: number;
}): DiscordRateLimitMemory {
  const maxEntries = options.maxEntries ?? 10_000;
  const blockedUntil = new Map<string, number>();

  return {
    waitMs(webhookId) {
      const until = blockedUntil.get(webhookId);
      if (until === undefined) return 0;
      const wait = until - options.now();
      if (wait > 0) return wait;
      blockedUntil.delete(webhookId);
      return 0;
    },
    record(webhookId, { remaining, resetAfterMs }) {
      if (remaining === 0 && resetAfterMs !== null && resetAfterMs > 0) {
        blockedUntil.delete(webhookId);
        blockedUntil.set(webhookId, options.now() + resetAfterMs);
        if (blockedUntil.size > maxEntries) {
          const oldest = blockedUntil.keys().next().value;
          if (oldest !== undefined) blockedUntil.delete(oldest);
        }
      } else if (remaining !== null && remaining > 0) {
        blockedUntil.delete(webhookId);
      }
    },
  };
}
