import type { ClockV1 } from '../clock/v1/clock-v1';
import { AdapterError } from '../errors/adapter-error';
import { DealScoutError } from '../errors/deal-scout-error';
import type { DealScoutEmitter } from './runtime-context';

/** How the runtime retries a failed adapter call. */
export type RetryPolicy = {
  /** Attempts in all, including the first (default 4). */
  readonly maxAttempts: number;
  /** First backoff in milliseconds (default 500); doubles each attempt, with full jitter. */
  readonly baseDelayMs: number;
  /** Upper bound of one backoff, and of an honoured Retry-After (default 60,000). */
  readonly maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

/**
 * Turns anything an adapter threw into a `DealScoutError`: core errors pass through, anything else
 * becomes an `AdapterError` that keeps the original as `cause`. Network failures (`TypeError`
 * from fetch) are retryable; other unknown throws are not.
 */
export function toDealScoutError(error: unknown, source: string, operation: string): DealScoutError {
  if (DealScoutError.isInstance(error)) return error;
  const isNetworkFailure = error instanceof TypeError && /fetch|network|socket|ECONN/i.test(error.message);
  return new AdapterError({ source, operation, isRetryable: isNetworkFailure, cause: error });
}

/** The wait before retry `attempt` (1-based): Retry-After when given, else exponential with full jitter. */
export function retryDelay(
  error: DealScoutError,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random,
): number {
  const retryAfter = (error as { retryAfterMs?: number | null }).retryAfterMs;
  if (typeof retryAfter === 'number' && retryAfter >= 0) return Math.min(retryAfter, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error is thrown, or the policy's attempts are
 * used up. Each retry emits `adapter.retry` and waits on the clock (so tests with a manual clock
 * do not sleep).
 */
export async function callWithRetries<T>(options: {
  readonly source: string;
  readonly operation: string;
  readonly policy: RetryPolicy;
  readonly clock: ClockV1;
  readonly events?: DealScoutEmitter;
  readonly signal?: AbortSignal;
  /** Extra veto on retrying an error the policy would retry (e.g. an exhausted daily budget). */
  readonly shouldRetry?: (error: DealScoutError) => boolean;
  readonly attempt: (attempt: number) => Promise<T>;
}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.attempt(attempt);
    } catch (thrown) {
      if (options.signal?.aborted) throw thrown;
      const error = toDealScoutError(thrown, options.source, options.operation);
      if (!error.isRetryable || attempt >= options.policy.maxAttempts) throw error;
      if (options.shouldRetry && !options.shouldRetry(error)) throw error;
      const delayMs = retryDelay(error, attempt, options.policy);
      options.events?.emit('adapter.retry', {
        source: options.source,
        operation: options.operation,
        attempt,
        delayMs,
        error,
      });
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
