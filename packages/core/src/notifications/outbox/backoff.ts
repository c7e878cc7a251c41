/**
 * The wait before the next attempt after transient failure number `attempt` (1-based):
 * the provider's Retry-After when it gave one (capped at `maxMs`), otherwise exponential backoff
 * with full jitter — a random delay in `[0, min(maxMs, baseMs · 2^(attempt-1))]` — so that many
 * notifications failing together do not retry together.
 */
export function backoffDelayMs(
  attempt: number,
  options: {
    readonly baseMs: number;
    readonly maxMs: number;
    readonly retryAfterMs?: number | null;
    readonly random?: () => number;
  },
): number {
  if (typeof options.retryAfterMs === 'number' && options.retryAfterMs >= 0) {
    return Math.min(Math.ceil(options.retryAfterMs), options.maxMs);
  }
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round((options.random ?? Math.random)() * ceiling);
}
